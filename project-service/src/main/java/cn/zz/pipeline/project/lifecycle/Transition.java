package cn.zz.pipeline.project.lifecycle;

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
public record Transition(@NotNull Stage to, @Size(max = 500) @PlainText String reason, @PlausibleDate LocalDate date) {

    public Transition {
        reason = Text.trim(reason);
    }
}
