package cn.zz.pipeline.seeds.compose;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zz.pipeline.seeds.SeedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 调度 composer writes exactly the committed plans, targets and campaign (see {@link SeedComposerTest}). */
class DispatchComposerTest {

    @Test
    void composingAgainWritesTheCommittedFiles() throws Exception {
        Path dir = Files.createTempDirectory("dispatch");
        new DispatchComposer(SeedData.read(Path.of("data"))).write(dir);
        for (String file : List.of("plans.csv", "targets.csv", "campaigns.csv")) {
            assertThat(Files.readString(dir.resolve(file))).as(file)
                    .isEqualTo(Files.readString(Path.of("data", file)));
        }
    }
}
