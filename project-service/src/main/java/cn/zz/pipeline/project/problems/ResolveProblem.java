package cn.zz.pipeline.project.problems;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
@Schema(description = "问题的解决 (how a problem was resolved)")
public record ResolveProblem(
        @Schema(description = "解决情况，至多 2000 字 (how it was resolved)", example = "供电公司完成增容")
        @NotBlank @Size(max = 2000) @PlainText String resolution,
        @Schema(format = "date", description = "解决日期，缺省为今天 (resolved on; today when absent)",
                example = "2026-12-01") @PlausibleDate LocalDate resolvedOn) {

    public ResolveProblem {
        resolution = Text.trim(resolution);
    }
}
