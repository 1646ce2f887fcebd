package cn.zz.pipeline.project.command;

import java.util.Locale;

/** Input normalisation shared by the commands: trimmed text, blank as absent, codes in upper case. */
final class Text {

    private Text() {
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static String code(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}
