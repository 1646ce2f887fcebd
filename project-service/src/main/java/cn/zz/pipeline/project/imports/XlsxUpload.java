package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.Uploads;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks on an uploaded file before the reader sees it: its size, that it is an Office Open XML workbook (a zip with
 * {@code xl/workbook.xml}), and that it does not inflate beyond a bound (a zip bomb would otherwise cost the reader
 * memory and time). Every refusal is an {@link ApiException}: 413 too large, 415 not an .xlsx, 400 a damaged one.
 */
public final class XlsxUpload {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Zip entries a workbook may hold (sheets, styles, drawings …); more means it is not a ledger. */
    static final int MAX_ENTRIES = 2_000;

    private XlsxUpload() {
    }

    /**
     * Copies a request body into a temporary file, refusing (413) more than {@code maxBytes}. The rest of an
     * oversized body is still read (and dropped; the HTTP layer bounds it) so that the client receives the answer
     * instead of a reset connection.
     */
    public static Path spool(InputStream in, long maxBytes) throws IOException {
        Path file = Files.createTempFile("ledger-", ".xlsx");
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total <= maxBytes) {
                    out.write(buffer, 0, n);
                }
            }
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            ok = true;
            return file;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    public static ApiException tooLarge(long maxBytes) {
        return Uploads.tooLarge(maxBytes, "上传的文件", "，请拆分成多个文件导入");
    }

    /**
     * @param maxInflated bytes all entries together may inflate to
     * @throws ApiException 400 empty or damaged, 415 not an .xlsx (an .xls, a CSV, a picture …), 413 too large
     */
    public static void check(Path file, long maxBytes, long maxInflated) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw ApiException.badRequest(new Violation("file", "empty-file", "上传的文件是空的 (the upload is empty)",
                    null, null));
        }
        if (size > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            head = Arrays.copyOf(head, n);
        }
        if (head.length == 8 && ReadableWorkbook.isOLE2Header(head)) {
            throw unsupported("旧版 Excel 97-2003 (.xls) 文件不受支持，请在 Excel 中另存为 .xlsx 后再导入",
                    "xls");
        }
        if (head.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw unsupported("文件不是 Excel 工作簿 (.xlsx)：请上传 .xlsx 文件（CSV、WPS .et、图片等不受支持）", null);
        }
        boolean workbook = false;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw damaged("压缩包中的文件过多 (too many zip entries)");
                }
                workbook |= "xl/workbook.xml".equals(e.getName());
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        inflated += n;
                        if (inflated > maxInflated) {
                            throw new ApiException(413, "upload-too-large", "文件过大 Upload too large",
                                    "工作簿解压后超过 " + maxInflated / 1_000_000 + " MB (the workbook inflates too much)",
                                    List.of(new Violation("file", "inflated-too-large", "工作簿解压后过大", null,
                                            maxInflated)));
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw damaged("文件已损坏，无法作为 .xlsx 读取 (damaged zip: " + e.getMessage() + ")");
        }
        if (!workbook) {
            throw unsupported("压缩包中没有 Excel 工作簿（缺少 xl/workbook.xml）：请上传 .xlsx 文件", null);
        }
    }

    public static ApiException damaged(String detail) {
        return ApiException.badRequest(detail, List.of(new Violation("file", "unreadable-workbook", detail, null,
                null)));
    }

    private static ApiException unsupported(String detail, String value) {
        return new ApiException(415, "unsupported-file", "不支持的文件类型 Unsupported file", detail,
                List.of(new Violation("file", "not-xlsx", detail, value, MEDIA_TYPE)));
    }
}
