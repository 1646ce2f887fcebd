package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.events.project.ProjectSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One version of the rule table (规则表). Cases remember the version that chose their tasks. */
public record RuleSet(int version, List<Rule> rules, String comment, String createdBy, Instant createdAt) {

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
