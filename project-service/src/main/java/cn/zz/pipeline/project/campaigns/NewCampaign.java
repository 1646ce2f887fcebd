package cn.zz.pipeline.project.campaigns;

import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/campaigns}, with its rules: a name (trimmed, required, at most {@value #MAX_NAME}
 * characters, unique among campaigns: the service checks that) and a due date between {@link #EARLIEST_DUE} and
 * {@value #YEARS_AHEAD} years from today. A past due date is allowed: a campaign may be recorded after it ran.
 */
public record NewCampaign(
        @Schema(required = true, maxLength = NewCampaign.MAX_NAME, example = "2026年第四期三个一批",
                description = "活动名称 (campaign name): unique, at most 100 characters")
        String name,
        @Schema(required = true, format = "date", example = "2026-12-31",
                description = "截止日期 (due date): a project counts as done (签约、开工、投产) on or before it;"
                        + " 2000-01-01 to five years from today")
        LocalDate dueDate) {

    public static final int MAX_NAME = 100;
    public static final LocalDate EARLIEST_DUE = LocalDate.of(2000, 1, 1);
    public static final int YEARS_AHEAD = 5;

    public NewCampaign {
        name = Text.trim(name);
    }

    /** Every broken rule at once (empty = valid); the due date is judged against {@code today}. */
    public List<Violation> violations(LocalDate today) {
        List<Violation> out = new ArrayList<>();
        if (name == null) {
            out.add(Violation.of("name", "required", "活动名称不能为空 (name is required)"));
        } else {
            int length = name.codePointCount(0, name.length()); // as the database counts characters
            if (length > MAX_NAME) {
                out.add(new Violation("name", "too-long", "活动名称不能超过 " + MAX_NAME + " 个字 (name is too long)",
                        name.substring(0, name.offsetByCodePoints(0, 20)) + "…", Map.of("max", MAX_NAME)));
            }
            if (!PlainText.Validator.valid(name)) {
                out.add(Violation.of("name", "PlainText", "不能包含控制字符 (no control characters)"));
            }
        }
        if (dueDate == null) {
            out.add(Violation.of("dueDate", "required", "截止日期不能为空 (dueDate is required)"));
        } else {
            LocalDate latest = today.plusYears(YEARS_AHEAD);
            if (dueDate.isBefore(EARLIEST_DUE) || dueDate.isAfter(latest)) {
                out.add(new Violation("dueDate", "out-of-range", "截止日期应在 " + EARLIEST_DUE + " 至 " + latest
                        + " 之间 (dueDate out of range)", dueDate, Map.of("min", EARLIEST_DUE, "max", latest)));
            }
        }
        return out;
    }
}
