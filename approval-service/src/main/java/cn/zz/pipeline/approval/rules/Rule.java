package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.approval.calendar.DayCount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of the rule table: a department's approval item, its statutory time limit and when it is required.
 *
 * @param item item code, e.g. LAND_PRE_APPROVAL
 * @param itemName Chinese name shown to users, e.g. 用地预审与选址意见书
 * @param timeLimit statutory time limit (法定时限) in {@code dayCount} days
 * @param when null or empty: every project
 */
@Schema(name = "ApprovalRule", description = "审批规则表的一行 (one row of the rule table)")
public record Rule(
        @Schema(required = true, description = "审批部门代码，须为已配置的部门 (department code, one of the configured"
                + " departments: NDRC 发改, NR 自然资源和规划, EE 生态环境, HC 住建)", examples = "NR") String department,
        @Schema(required = true, description = "事项代码：大写字母开头，大写字母、数字和下划线，至多 40 位，同一部门内不重复"
                + " (item code, unique within the department)", pattern = "^[A-Z][A-Z0-9_]{0,39}$",
                examples = "LAND_PRE_APPROVAL") String item,
        @Schema(required = true, description = "事项中文名称 (item name shown to users)", maxLength = 100,
                examples = "用地预审与选址意见书") String itemName,
        @Schema(required = true, description = "法定办理时限，单位为天，按 dayCount 计 (statutory time limit in days)",
                minimum = "1", maximum = "365", examples = "20") Integer timeLimit,
        @Schema(required = true, description = "时限计法：WORKING 工作日, CALENDAR 自然日 (how the limit counts days)")
        DayCount dayCount,
        @Schema(description = "适用条件，为空则适用于所有项目 (when the rule applies; null: every project)")
        Condition when) {

    public Condition condition() {
        return when == null ? Condition.ALWAYS : when;
    }
}
