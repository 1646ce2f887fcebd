package cn.zz.pipeline.approval.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new version of the rule table: the whole table, replacing the current one. */
@Schema(name = "ApprovalRulesRequest", description = "新版本的完整审批规则表 (the whole rule table, replacing the"
        + " current one)")
public record RulesRequest(
        @Schema(required = true, description = "规则，1 到 200 条 (the rules, 1 to 200)", minItems = 1,
                maxItems = 200) List<Rule> rules,
        @Schema(description = "修改说明 (what changed and why)", maxLength = 500,
                examples = "住建施工许可时限调整为 5 个工作日") String comment) {
}
