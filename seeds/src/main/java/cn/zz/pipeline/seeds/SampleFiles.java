package cn.zz.pipeline.seeds;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tiny but valid sample files for the seeds' 入库 materials, made in code (nothing binary in the repository): a
 * one-page PDF, a PNG and a JPEG with an EXIF DateTimeOriginal (the day a site photo was taken).
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A one-page PDF 1.4 showing an ASCII line, with a correct cross-reference table. */
    public static byte[] pdf(String line) {
        String text = line.replaceAll("[^A-Za-z0-9 .:-]", "");
        String stream = "BT /F1 14 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(b.length()); // ASCII only: characters are bytes
            b.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> b.append(String.format("%010d 00000 n \n", o)));
        b.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A small PNG (no date in it: a site photo from it is accepted and flagged undated). */
    public static byte[] png() {
        return image("png");
    }

    /** A small JPEG whose EXIF DateTimeOriginal is {@code taken}. */
    public static byte[] jpeg(LocalDateTime taken) {
        byte[] plain = image("jpg");
        byte[] exif = exif(taken);
        // SOI, then the APP1 Exif segment, then the rest of the encoder's file (its JFIF header included)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x8FB8DE));
        g.fillRect(0, 0, 32, 12);
        g.setColor(new Color(0xB5895A));
        g.fillRect(0, 12, 32, 12);
        g.dispose();
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

    /**
     * The APP1 payload: "Exif\0\0", a little-endian TIFF header, IFD0 with one entry (the Exif IFD's offset), the
     * Exif IFD with one entry (DateTimeOriginal, 0x9003, ASCII "yyyy:MM:dd HH:mm:ss\0").
     */
    static byte[] exif(LocalDateTime taken) {
        byte[] date = (taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0")
                .getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int exifIfd = ifd0 + 2 + 12 + 4;
        int dateAt = exifIfd + 2 + 12 + 4;
        ByteBuffer t = ByteBuffer.allocate(dateAt + date.length).order(ByteOrder.LITTLE_ENDIAN);
        t.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        t.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifIfd).putInt(0);
        t.putShort((short) 1).putShort((short) 0x9003).putShort((short) 2).putInt(date.length).putInt(dateAt)
                .putInt(0);
        t.put(date);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(t.array());
        return out.toByteArray();
    }
}
