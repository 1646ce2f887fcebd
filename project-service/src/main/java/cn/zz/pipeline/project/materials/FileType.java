package cn.zz.pipeline.project.materials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The file types 入库资料 may have, told from the bytes (magic numbers, and for a zip the names of its entries), never
 * from the client's name or Content-Type.
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    /** 版式文档 OFD (GB/T 33190): a zip whose entries hold OFD.xml. */
    OFD("application/ofd", "ofd"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String contentType;
    private final String extension;

    FileType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The type a stored material was sniffed as. */
    public static FileType ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a material type: " + contentType));
    }

    /** The type of {@code file}, or empty when it is none of these (or a damaged or oversized zip). */
    public static Optional<FileType> sniff(Path file, int maxZipEntries) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (startsWith(head, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return zipType(file, maxZipEntries);
        }
        return Optional.empty();
    }

    private static Optional<FileType> zipType(Path file, int maxZipEntries) throws IOException {
        boolean ofd = false;
        boolean word = false;
        boolean excel = false;
        int entries = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                if (++entries > maxZipEntries) {
                    return Optional.empty();
                }
                String name = all.nextElement().getName();
                ofd |= name.equals("OFD.xml") || name.endsWith("/OFD.xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
            }
        } catch (ZipException e) {
            return Optional.empty(); // starts like a zip, is none
        }
        if (ofd) {
            return Optional.of(OFD);
        }
        if (word) {
            return Optional.of(DOCX);
        }
        return excel ? Optional.of(XLSX) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
