package cn.zz.pipeline.e2e;

import static cn.zz.pipeline.e2e.ProjectOperations.ADMIN;
import static cn.zz.pipeline.e2e.ProjectOperations.JSON;
import static cn.zz.pipeline.e2e.ProjectOperations.LEADER;
import static cn.zz.pipeline.e2e.ProjectOperations.STAFF;
import static cn.zz.pipeline.e2e.ProjectOperations.TODAY;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The three imports through the proxy: the ledger and annual plans (their templates, and uploads in dry runs), and the
 * historical import of a project with its stage dates.
 */
final class ProjectImportOperations {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ProjectOperations ops;

    ProjectImportOperations(ProjectOperations ops) {
        this.ops = ops;
    }

    void drive() {
        ledger();
        plans();
        String id = historical(ops, null);
        String code = ops.as(STAFF).get("/api/projects/" + id).then().statusCode(200).extract().path("code");
        // The same code again: 409, nothing written.
        ops.as(ADMIN).contentType(JSON).body(historicalBody(code)).post("/api/admin/projects/historical").then()
                .statusCode(409);
    }

    /**
     * Prism's proxy reads a body that is not JSON as text and forwards it re-encoded as UTF-8, both ways: a workbook
     * (a zip: bytes above 0x7F) reaches the service damaged (400 unreadable-workbook, a documented status), and the
     * template reaches the client damaged. So the driver reads the template's bytes from the service itself and
     * uploads them made of ASCII bytes only ({@link #asciiWorkbook}), which pass unchanged.
     */
    private void ledger() {
        ops.as(LEADER).get("/api/projects/import/template").then().statusCode(200).contentType(XLSX);
        byte[] template = direct("/api/projects/import/template");
        byte[] workbook = ascii(template, null);
        ops.as(STAFF).contentType(XLSX).queryParam("dryRun", true).body(workbook).post("/api/projects/import").then()
                .statusCode(200).body("dryRun", equalTo(true));
        ops.as(STAFF).multiPart("file", "ledger.xlsx", workbook, XLSX).queryParam("dryRun", true)
                .post("/api/projects/import").then().statusCode(200);
        ops.as(STAFF).contentType(XLSX).queryParam("dryRun", true).body(template).post("/api/projects/import").then()
                .statusCode(400).body("violations[0].code", equalTo("unreadable-workbook"));
        ops.as(STAFF).contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/import").then().statusCode(415);
    }

    private void plans() {
        ops.as(LEADER).get("/api/projects/import/plan-template").then().statusCode(200).contentType(XLSX);
        byte[] template = direct("/api/projects/import/plan-template");
        // The template has no data row: one (项目代码, 年度, 年度计划投资) for a code nobody has, rejected in the report.
        String row = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2026-410106-37-01-99999X</t></is></c>"
                + "<c r=\"B2\"><v>" + TODAY.getYear() + "</v></c><c r=\"C2\"><v>1000</v></c></row>";
        ops.as(STAFF).contentType(XLSX).queryParam("dryRun", true).body(ascii(template, row))
                .post("/api/projects/import/plans").then().statusCode(200).body("dryRun", equalTo(true));
        ops.as(STAFF).contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/import/plans").then().statusCode(415);
    }

    /** A template's bytes from the service itself, not through the proxy. */
    private static byte[] direct(String path) {
        Stack stack = Stack.shared();
        return RestAssured.given().header("Authorization", stack.bearer(LEADER))
                .get("http://localhost:" + stack.projectPort + path).then().statusCode(200).extract().asByteArray();
    }

    private static byte[] ascii(byte[] xlsx, String secondRow) {
        try {
            return asciiWorkbook(xlsx, secondRow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An 入库 project of 上街区 imported with its history (admin); {@code code} null: one is allocated. */
    static String historical(ProjectOperations ops, String code) {
        return ops.as(ADMIN).contentType(JSON).body(historicalBody(code)).post("/api/admin/projects/historical")
                .then().statusCode(201).body("stage", equalTo("ADMITTED")).extract().path("id");
    }

    private static String historicalBody(String code) {
        String registeredAt = TODAY.minusDays(120).atTime(10, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant()
                .toString();
        String facts = ProjectOperations.facts("上街通航历史项目 " + UUID.randomUUID().toString().substring(0, 8));
        return facts.substring(0, facts.lastIndexOf('}')) + """
                ,"registeredAt":"%s",%s"declaredOn":"%s","admittedOn":"%s"}"""
                .formatted(registeredAt, code == null ? "" : "\"code\":\"" + code + "\",", TODAY.minusDays(100),
                        TODAY.minusDays(80));
    }

    /**
     * The same workbook with every byte below 0x80, so that it passes Prism's text re-encoding unchanged: each XML
     * part with its non-ASCII characters as character references, stored (not deflated), padded (whitespace after
     * the root element, an unused extra field in a header) until every CRC, size and offset is made of ASCII bytes.
     */
    static byte[] asciiWorkbook(byte[] xlsx, String secondRow) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Path file = Files.createTempFile("template", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) { // the central directory: POI's entry headers lack sizes
                for (ZipEntry e : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        if (secondRow != null && e.getName().equals("xl/worksheets/sheet1.xml")) {
                            xml = xml.replace("<sheetData/>", "<sheetData></sheetData>")
                                    .replace("</sheetData>", secondRow + "</sheetData>");
                        }
                        parts.put(e.getName(), asciiXml(xml));
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            byte[] name = part.getKey().getBytes(StandardCharsets.US_ASCII);
            byte[] data = part.getValue();
            int offset = out.size();
            CRC32 crc = new CRC32(); // spaces appended one at a time: the CRC goes on from where it was
            crc.update(data);
            int length = data.length;
            int extra = -1;
            while (extra < 0) {
                while (!ascii(crc.getValue()) || !ascii(length)) {
                    crc.update(' ');
                    length++;
                }
                int next = offset + 30 + name.length + length;
                extra = padding(n -> ascii(next + n));
                if (extra < 0) { // the next offset lies in 0x7f80..0xffff (say): pad the data past it
                    crc.update(' ');
                    length++;
                }
            }
            int original = data.length;
            data = Arrays.copyOf(data, length);
            Arrays.fill(data, original, length, (byte) ' ');
            out.write(header(0x04034b50, crc.getValue(), data.length, name, extra, -1));
            out.write(data);
            central.add(header(0x02014b50, crc.getValue(), data.length, name, 0, offset));
        }
        int cdOffset = out.size();
        int cdSize = central.stream().mapToInt(h -> h.length).sum();
        byte[] last = central.remove(central.size() - 1);
        int extra = padding(n -> ascii(cdSize + n));
        if (extra < 0) {
            throw new IllegalStateException("no padding makes the central directory's size ASCII: " + cdSize);
        }
        central.add(withExtra(last, extra));
        for (byte[] h : central) {
            out.write(h);
        }
        ByteArrayOutputStream end = new ByteArrayOutputStream();
        le(end, 0x06054b50, 4);
        le(end, 0, 4);
        le(end, parts.size(), 2);
        le(end, parts.size(), 2);
        le(end, cdSize + extra, 4);
        le(end, cdOffset, 4);
        le(end, 0, 2);
        out.write(end.toByteArray());
        return out.toByteArray();
    }

    private static byte[] asciiXml(String xml) {
        StringBuilder b = new StringBuilder(xml.length());
        xml.codePoints().forEach(c -> {
            if (c < 0x80) {
                b.append((char) c);
            } else {
                b.append("&#").append(c).append(';');
            }
        });
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The smallest extra field length (0, or one whole field, both lengths ASCII) that {@code fits}; -1 if none. */
    private static int padding(IntPredicate fits) {
        if (fits.test(0)) {
            return 0;
        }
        for (int n = 4; n < 0x7f7f; n++) {
            if (ascii(n) && ascii(n - 4) && fits.test(n)) {
                return n;
            }
        }
        return -1;
    }

    /** A local ({@code offset} -1) or central file header of a stored entry, with {@code extra} bytes of padding. */
    private static byte[] header(int signature, long crc, int size, byte[] name, int extra, int offset) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        le(h, signature, 4);
        if (offset >= 0) {
            le(h, 20, 2); // version made by
        }
        le(h, 20, 2); // version needed
        le(h, 0, 2); // flags
        le(h, 0, 2); // stored
        le(h, 0, 2); // time 00:00
        le(h, (40 << 9) | (1 << 5) | 1, 2); // 2020-01-01
        le(h, crc, 4);
        le(h, size, 4);
        le(h, size, 4);
        le(h, name.length, 2);
        le(h, extra, 2);
        if (offset >= 0) {
            le(h, 0, 2); // comment
            le(h, 0, 2); // disk
            le(h, 0, 2); // internal attributes
            le(h, 0, 4); // external attributes
            le(h, offset, 4);
        }
        h.writeBytes(name);
        h.writeBytes(extraField(extra));
        return h.toByteArray();
    }

    private static byte[] withExtra(byte[] centralHeader, int extra) {
        if (extra == 0) {
            return centralHeader;
        }
        byte[] h = Arrays.copyOf(centralHeader, centralHeader.length + extra);
        h[30] = (byte) extra;
        h[31] = (byte) (extra >>> 8);
        System.arraycopy(extraField(extra), 0, h, centralHeader.length, extra);
        return h;
    }

    private static byte[] extraField(int length) {
        if (length == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        le(f, 0x7f7f, 2); // an id no reader knows
        le(f, length - 4, 2);
        f.writeBytes(new byte[length - 4]);
        return f.toByteArray();
    }

    private static boolean ascii(long value) {
        return (value & 0x80808080L) == 0;
    }

    private static void le(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
