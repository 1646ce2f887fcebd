package cn.zz.pipeline.project;

import cn.zz.pipeline.testsupport.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Ledger workbooks for the import tests: written with fastexcel as staff's Excel would save them. */
final class Ledgers {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The template's headers, in its order. */
    static final List<String> HEADERS = List.of("项目名称", "建设单位", "统一社会信用代码", "所属区县", "所属园区", "产业链",
            "国民经济行业代码", "建设性质", "项目类型", "总投资（万元）", "用地面积（亩）", "预计年产值（万元）", "预计年税收（万元）",
            "是否新增用地", "环评类别", "是否民间投资", "计划开工日期", "计划投产日期", "目标开工日期", "立项日期", "拿地日期",
            "施工许可日期");

    private Ledgers() {
    }

    /** A valid row (header → value): a 技改 project of 郑州特优高科 in the given district (code or name). */
    static Map<String, Object> row(String district) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("项目名称", "特优高科压缩机技改项目" + ThreadLocalRandom.current().nextInt(100_000_000));
        r.put("建设单位", "郑州特优高科有限公司");
        r.put("统一社会信用代码", Api.creditCode());
        r.put("所属区县", district);
        r.put("所属园区", "上街区先进制造业开发区");
        r.put("产业链", "智能家电");
        r.put("国民经济行业代码", "C3441");
        r.put("建设性质", "改建技改");
        r.put("项目类型", "技术改造");
        r.put("总投资（万元）", new BigDecimal("12000"));
        r.put("用地面积（亩）", new BigDecimal("20"));
        r.put("预计年产值（万元）", new BigDecimal("24000"));
        r.put("预计年税收（万元）", new BigDecimal("1200.5"));
        r.put("是否新增用地", "是");
        r.put("环评类别", "报告表");
        r.put("是否民间投资", "是");
        r.put("计划开工日期", LocalDate.of(2025, 3, 1));
        r.put("计划投产日期", "2026/6/30");
        return r;
    }

    /** A workbook with sheet 项目台账: the header row, then one row per map (null = a blank row). */
    static byte[] xlsx(List<String> headers, List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("项目台账");
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Map<String, Object> row = rows.get(r);
                if (row == null) {
                    continue;
                }
                for (int c = 0; c < headers.size(); c++) {
                    Object v = row.get(headers.get(c));
                    if (v instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v instanceof Boolean b) {
                        ws.value(r + 1, c, b);
                    } else if (v != null) {
                        ws.value(r + 1, c, v.toString());
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(List<Map<String, Object>> rows) {
        List<String> headers = new ArrayList<>(HEADERS);
        return xlsx(headers, rows);
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    /** multipart/form-data upload in field "file". */
    static Response upload(String user, byte[] file, boolean dryRun) {
        RequestSpecification spec = as(user).multiPart("file", "项目台账.xlsx", file, XLSX);
        if (dryRun) {
            spec = spec.queryParam("dryRun", "true");
        }
        return spec.post("/api/projects/import");
    }

    /**
     * A multipart/form-data upload built by hand, so that it has a Content-Length as browsers and curl send it
     * (RestAssured's own multipart is chunked).
     */
    static Response uploadWithLength(String user, byte[] file) {
        String boundary = "----ledger" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"ledger.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(file);
        body.writeBytes(tail);
        return as(user).contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .post("/api/projects/import");
    }

    /** The raw .xlsx as the request body. */
    static Response uploadRaw(String user, byte[] file) {
        return as(user).contentType(XLSX).body(file).post("/api/projects/import");
    }

    /** Every sheet's rows as text (cell text, "" for a missing cell), for checking a downloaded workbook. */
    static Map<String, List<List<String>>> read(byte[] xlsx) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row r : sheet.read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < r.getCellCount(); c++) {
                        cells.add(r.getOptionalCell(c).map(cell -> cell.getText() == null ? "" : cell.getText())
                                .orElse(""));
                    }
                    rows.add(cells);
                }
                out.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
