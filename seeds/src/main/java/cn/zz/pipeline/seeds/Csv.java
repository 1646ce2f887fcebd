package cn.zz.pipeline.seeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed files' CSV (RFC 4180: comma, double quotes around a field holding a comma, quote or line break; UTF-8,
 * a first line of column names). Lines starting with {@code #} are comments, so the files can explain themselves.
 */
public final class Csv {

    private Csv() {
    }

    /** Rows as column name → value (blank cells as ""), in file order; the row's line number under "#line". */
    public static List<Map<String, String>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel's byte order mark
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean atLineStart = true;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (atLineStart && !quoted && c == '#') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
                line++;
                continue;
            }
            if (atLineStart) {
                recordLine = line;
            }
            atLineStart = false;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(fields);
                    lines.add(recordLine);
                }
                fields = new ArrayList<>();
                atLineStart = true;
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file.getFileName() + ": a quoted field is not closed");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file.getFileName() + ": no header line");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() > header.size()) {
                throw new IllegalArgumentException(file.getFileName() + " line " + lines.get(r) + ": " + rec.size()
                        + " fields, the header has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) {
                row.put(header.get(k), k < rec.size() ? rec.get(k).strip() : "");
            }
            row.put("#line", String.valueOf(lines.get(r)));
            out.add(row);
        }
        return out;
    }

    public static void write(Path file, List<String> comments, List<String> header, List<List<?>> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String c : comments) {
                w.write("# " + c + "\n");
            }
            w.write(line(header));
            for (List<?> r : rows) {
                w.write(line(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(List<?> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.startsWith("#")) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            b.append(s);
        }
        return b.append('\n').toString();
    }
}
