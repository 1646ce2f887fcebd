package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.PlausibleDate;
import cn.zz.pipeline.project.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/projects/{id}/problems/{pid}/resolution}.
 *
 * @param resolvedOn today when absent, never in the future
 */
public record ResolveProblem(@NotBlank @Size(max = 2000) @PlainText String resolution,
                             @PlausibleDate LocalDate resolvedOn) {

    public ResolveProblem {
        resolution = Text.trim(resolution);
    }
}
