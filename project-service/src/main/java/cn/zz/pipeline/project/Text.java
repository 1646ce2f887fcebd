package cn.zz.pipeline.project;

import java.util.Locale;

/** Input normalisation shared by the request bodies: trimmed text, blank as absent, codes in upper case. */
public final class Text {

    private Text() {
    }

    public static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public static String code(String s) {
        String t = trim(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}
