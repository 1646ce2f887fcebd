package cn.zz.pipeline.project;

import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.log.LogDetail;
import io.restassured.response.Response;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each accepted type, made here (no fixtures), and the multipart upload of 入库资料. */
final class MaterialFiles {

    private MaterialFiles() {
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** 版式文档: a zip holding OFD.xml (and a document of its own, as OFD files have). */
    static byte[] ofd() {
        return zip("OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>",
                "Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
    }

    static byte[] docx() {
        return zip("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"/>", "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\"><w:body/></w:document>");
    }

    static byte[] xlsx() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "pipeline", "1.0");
            Worksheet ws = wb.newWorksheet("资料");
            ws.value(0, 0, "施工合同清单");
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip that is none of the accepted types. */
    static byte[] plainZip() {
        return zip("readme.txt", "hello");
    }

    static byte[] png() {
        return image("png");
    }

    /** A JPEG without any EXIF (a photo whose date was stripped). */
    static byte[] jpeg() {
        return image("jpg");
    }

    /**
     * A JPEG with an EXIF APP1 segment written by hand: IFD0 pointing at an Exif sub-IFD that holds only
     * DateTimeOriginal (tag 0x9003) = {@code dateTime} ("yyyy:MM:dd HH:mm:ss").
     */
    static byte[] jpegTaken(String dateTime) {
        byte[] plain = jpeg();
        ByteBuffer tiff = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26).putInt(0); // IFD0
        tiff.putShort((short) 1).putShort((short) 0x9003).putShort((short) 2).putInt(20).putInt(44).putInt(0); // Exif
        tiff.put((dateTime + "\0").getBytes(StandardCharsets.US_ASCII));
        byte[] exif = ByteBuffer.allocate(6 + 64).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xff);
        out.write(0xe1); // APP1
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * POST of one file as multipart/form-data written by hand, so that the file name travels as UTF-8 exactly as
     * given (Chinese, path-like); a null kind or name leaves that part (or the filename) out.
     */
    static Response upload(String user, String projectId, String kind, String fileName, byte[] file) {
        return upload(user, projectId, kind, fileName, file, null);
    }

    static Response upload(String user, String projectId, String kind, String fileName, byte[] file, String ifMatch) {
        String boundary = "----material" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        ByteArrayOutputStream body = new ByteArrayOutputStream((file == null ? 0 : file.length) + 512);
        if (kind != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var spec = Api.as(user).contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray());
        if (body.size() > 1_000_000) {
            // RestAssured's log-if-validation-fails formats a byte[] body as a list of numbers: for 21 MB that alone
            // exhausts the test JVM's heap.
            spec = spec.config(RestAssuredConfig.config().logConfig(LogConfig.logConfig()
                    .enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.HEADERS).enablePrettyPrinting(false)));
        }
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        return spec.post("/api/projects/" + projectId + "/materials");
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0x2e7d32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
