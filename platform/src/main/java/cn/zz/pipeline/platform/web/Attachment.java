package cn.zz.pipeline.platform.web;

import java.nio.charset.StandardCharsets;

/** Download headers shared by every service that hands out files (ledgers, templates). */
public final class Attachment {

    private Attachment() {
    }

    /**
     * Content-Disposition with an ASCII fallback and the real (Chinese) name in RFC 6266 / RFC 5987 form:
     * {@code attachment; filename="x.xlsx"; filename*=UTF-8''%E8%BF%9B...}.
     */
    public static String contentDisposition(String asciiName, String name) {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** Percent-encodes every byte of the UTF-8 form that is not an RFC 5987 attr-char. */
    static String rfc5987(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
