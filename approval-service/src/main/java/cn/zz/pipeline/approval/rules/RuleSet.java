package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.events.project.ProjectSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One version of the rule table (规则表). Cases remember the version that chose their tasks. */
@Schema(name = "ApprovalRules", description = "审批规则表的一个版本 (one version of the rule table)")
public record RuleSet(
        @Schema(required = true, description = "版本号，从 1 起递增，即 ETag (version, from 1; the ETag)",
                minimum = "1") int version,
        @Schema(required = true, description = "规则，按表中顺序 (the rules in table order)") List<Rule> rules,
        @Schema(description = "修改说明 (what changed and why)") String comment,
        @Schema(required = true, description = "修改人，初始版本为 system (who wrote this version)",
                examples = "admin") String createdBy,
        @Schema(required = true, description = "写入时间 (when written)", format = "date-time") Instant createdAt) {

    /**
     * The rules that apply to a project, grouped by department in table order: the case gets one task per
     * department, covering every item of that department that applies.
     */
    public Map<String, List<Rule>> required(ProjectSnapshot project) {
        Map<String, List<Rule>> byDepartment = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.condition().matches(project)) {
                byDepartment.computeIfAbsent(r.department(), d -> new ArrayList<>()).add(r);
            }
        }
        return byDepartment;
    }
}
