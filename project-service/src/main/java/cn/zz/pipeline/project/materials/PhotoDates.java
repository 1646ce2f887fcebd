package cn.zz.pipeline.project.materials;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The day a site photo (现场照片) was taken, from its EXIF DateTimeOriginal ("yyyy:MM:dd HH:mm:ss", camera time). */
final class PhotoDates {

    private PhotoDates() {
    }

    /** Empty when the photo has no such tag, a blank or malformed one, or metadata the reader cannot parse. */
    static Optional<LocalDate> takenOn(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            for (ExifSubIFDDirectory dir : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
                String value = dir.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
                Optional<LocalDate> day = parse(value);
                if (day.isPresent()) {
                    return day;
                }
            }
            return Optional.empty();
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return Optional.empty(); // damaged metadata: the photo is kept, undated
        }
    }

    static Optional<LocalDate> parse(String value) {
        if (value == null || !value.matches("\\d{4}:\\d{2}:\\d{2}( .*)?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(value.substring(0, 4)),
                    Integer.parseInt(value.substring(5, 7)), Integer.parseInt(value.substring(8, 10))));
        } catch (DateTimeException e) {
            return Optional.empty(); // 0000:00:00, as cameras without a clock write
        }
    }
}
