package cn.zz.pipeline.project.materials;

/**
 * The name a material is stored and handed back under. Only the last segment of a path-like name is kept
 * ({@code ../../etc/passwd} becomes {@code passwd}: the name is a label, never a path, since the object key is the
 * material's id); control and format characters are dropped; a long name is cut, its extension kept. Nothing left:
 * {@code 入库资料.<extension of the sniffed type>}.
 */
final class FileNames {

    private FileNames() {
    }

    static String clean(String raw, FileType type, int maxLength) {
        String fallback = "入库资料." + type.extension();
        if (raw == null) {
            return fallback;
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> {
            int t = Character.getType(c);
            return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
                    && t != Character.SURROGATE && t != Character.PRIVATE_USE;
        }).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            return fallback;
        }
        if (name.codePointCount(0, name.length()) <= maxLength) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = ext.isEmpty() ? name : name.substring(0, dot);
        int keep = maxLength - ext.codePointCount(0, ext.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)) + ext;
    }

    /** An ASCII stand-in for the Content-Disposition filename= of clients that do not read filename*. */
    static String ascii(String name, FileType type) {
        String s = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\;%]", "_");
        return s.chars().allMatch(c -> c == '_' || c == '.' || c == ' ') ? "material." + type.extension() : s;
    }
}
