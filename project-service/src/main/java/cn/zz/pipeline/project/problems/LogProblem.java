package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.PlausibleDate;
import cn.zz.pipeline.project.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/projects/{id}/problems}: a problem for the 问题解决台账.
 *
 * @param loggedOn 登记日期: today when absent; may lie in the past (a ledger carried over), never in the future nor
 *     before {@link ProblemService#EARLIEST_LOGGED_ON}
 */
public record LogProblem(
        @Schema(description = "问题类别 (category)", example = "UTILITIES")
        @NotNull ProblemCategory category,
        @Schema(description = "问题描述 (what blocks the project)", example = "用电增容未落实，影响设备调试")
        @NotBlank @Size(max = 2000) @PlainText String description,
        @Schema(description = "责任单位 (responsible department)", example = "供电公司")
        @NotBlank @Size(max = 100) @PlainText String department,
        @Schema(description = "解决时限 (deadline); open after it = overdue 逾期", format = "date", example = "2026-12-31")
        @NotNull @PlausibleDate LocalDate deadline,
        @Schema(nullable = true, format = "date", example = "2026-11-20", description = "登记日期 (the day the problem"
                + " was logged): today when absent; not in the future, not before 2000-01-01")
        @PlausibleDate LocalDate loggedOn) {

    public LogProblem {
        description = Text.trim(description);
        department = Text.trim(department);
    }
}
