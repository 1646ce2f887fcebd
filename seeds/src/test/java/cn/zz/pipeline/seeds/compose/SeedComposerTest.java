package cn.zz.pipeline.seeds.compose;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer is the one-time generator of the committed seed files (test scope: it is not in the seeds jar the
 * stack runs). It is deterministic, so it must write exactly the committed files: an edit of the files by hand or of
 * the composer alone shows here.
 */
class SeedComposerTest {

    @Test
    void composingAgainWritesTheCommittedFiles() throws Exception {
        Path dir = Files.createTempDirectory("composed");
        new SeedComposer().compose().write(dir);
        for (String file : List.of("projects.csv", "reports.csv", "approvals.csv", "problems.csv")) {
            assertThat(Files.readString(dir.resolve(file))).as(file)
                    .isEqualTo(Files.readString(Path.of("data", file)));
        }
    }
}
