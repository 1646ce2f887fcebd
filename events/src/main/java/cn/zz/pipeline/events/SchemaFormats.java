package cn.zz.pipeline.events;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.format.DateFormat;
import com.networknt.schema.format.UriFormat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The formats our schemas use, checked as the validator's own but cheaper, because every consumer checks every event
 * (in a rebuild, tens of thousands a second): {@code uuid} by hand instead of a regular expression, {@code uri} and
 * {@code date} remembered once accepted, since an event stream repeats few of them (the schema IRIs, the days).
 */
final class SchemaFormats {

    /** Enough for every schema IRI and a few years of days; past it values are checked without being remembered. */
    private static final int MEMORY = 4096;

    private SchemaFormats() {
    }

    static List<Format> all() {
        return List.of(new Uuid(), new Remembered(new UriFormat()), new Remembered(new DateFormat()));
    }

    /** RFC 4122's text form: 8-4-4-4-12 hexadecimal digits, either case, nothing before or after. */
    static final class Uuid implements Format {

        @Override
        public String getName() {
            return "uuid";
        }

        @Override
        public String getMessageKey() {
            return "format.uuid";
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return isUuid(value);
        }

        static boolean isUuid(String s) {
            if (s.length() != 36) {
                return false;
            }
            for (int i = 0; i < 36; i++) {
                char c = s.charAt(i);
                boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                        : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The validator's format, with the values it accepted remembered (a format's verdict depends on the value alone). */
    static final class Remembered implements Format {

        private final Format format;
        private final Set<String> accepted = ConcurrentHashMap.newKeySet();

        Remembered(Format format) {
            this.format = format;
        }

        @Override
        public String getName() {
            return format.getName();
        }

        @Override
        public String getMessageKey() {
            return format.getMessageKey();
        }

        @Override
        public String getErrorMessageDescription() {
            return format.getErrorMessageDescription();
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            if (accepted.contains(value)) {
                return true;
            }
            boolean ok = format.matches(context, value);
            if (ok && accepted.size() < MEMORY) {
                accepted.add(value);
            }
            return ok;
        }
    }
}
