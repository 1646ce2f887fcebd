package cn.zz.pipeline.project.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.PlausibleDate;
import cn.zz.pipeline.project.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/projects/{id}/transitions}.
 *
 * @param date the date of the move: required for STARTED (actual start) and IN_PRODUCTION; today when absent
 *     otherwise; never in the future
 */
@Schema(description = "阶段变更 (a stage move)")
public record Transition(
        @Schema(description = "目标阶段 (the stage to move to)", example = "DECLARED") @NotNull Stage to,
        @Schema(description = "原因，至多 500 字 (reason)", example = "施工许可证已取得")
        @Size(max = 500) @PlainText String reason,
        @Schema(format = "date", description = "变更日期，缺省为今天 (the date of the move; today when absent)",
                example = "2026-11-28") @PlausibleDate LocalDate date) {

    public Transition {
        reason = Text.trim(reason);
    }
}
