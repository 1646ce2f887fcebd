package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.Violations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules of a plan's writes: the bodies' fields (400), replanned dates and completion dates (422). */
final class MilestoneRules {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final int YEARS_AHEAD = 10;
    static final int MAX_NODES = 30;

    private MilestoneRules() {
    }

    static void check(SetMilestones c, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        if (c == null || c.targetStart() == null && c.nodes() == null) {
            out.add(new Violation("targetStart", "required", "须给出目标开工日期 targetStart 或要调整的节点 nodes", null,
                    null));
            throw Violations.invalid(out);
        }
        date("targetStart", c.targetStart(), today, out);
        if (c.nodes() != null) {
            if (c.nodes().isEmpty() || c.nodes().size() > MAX_NODES) {
                out.add(new Violation("nodes", "out-of-range", "nodes 应有 1 到 " + MAX_NODES + " 个节点", c.nodes().size(),
                        Map.of("min", 1, "max", MAX_NODES)));
            } else {
                for (int i = 0; i < c.nodes().size(); i++) {
                    SetMilestones.PlannedNode n = c.nodes().get(i);
                    String f = "nodes[" + i + "]";
                    if (n == null) {
                        out.add(new Violation(f, "required", "节点不能为空", null, null));
                        continue;
                    }
                    if (n.code() == null || n.code().isBlank()) {
                        out.add(new Violation(f + ".code", "required", "须给出节点代码", null, null));
                    }
                    if (n.planned() == null) {
                        out.add(new Violation(f + ".planned", "required", "须给出计划日期", null, null));
                    }
                    date(f + ".planned", n.planned(), today, out);
                }
            }
        }
        reason(c.reason(), out);
        if (!out.isEmpty()) {
            throw Violations.invalid(out);
        }
    }

    static void check(CompleteMilestone c) {
        List<Violation> out = new ArrayList<>();
        if (c == null || c.actual() == null) {
            out.add(new Violation("actual", "required", "须给出实际完成日期", null, null));
        } else if (c.actual().isBefore(EARLIEST)) {
            out.add(new Violation("actual", "out-of-range", "日期不得早于 " + EARLIEST, c.actual(), EARLIEST));
        }
        if (c != null) {
            reason(c.reason(), out);
        }
        if (!out.isEmpty()) {
            throw Violations.invalid(out);
        }
    }

    /** A completion happened: not after today, not before the project was registered (登记). */
    static void checkActual(LocalDate actual, LocalDate today, LocalDate registeredOn) {
        if (actual.isAfter(today)) {
            throw refused("actual", "in-future", "实际完成日期不能晚于今天 " + today, actual, today);
        }
        if (actual.isBefore(registeredOn)) {
            throw refused("actual", "before-registration", "实际完成日期不能早于项目登记日期 " + registeredOn, actual,
                    registeredOn);
        }
    }

    /** A target start given outside a request body (an import): the range {@code PUT .../milestones} allows. */
    static List<Violation> checkTarget(LocalDate target, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        date("targetStart", target, today, out);
        return out;
    }

    /** A completion given by an import: from {@link #EARLIEST}, not after today; the field is the node's code. */
    static List<Violation> checkDone(String code, LocalDate actual, LocalDate today) {
        if (actual.isBefore(EARLIEST)) {
            return List.of(new Violation(code, "out-of-range", "日期不得早于 " + EARLIEST, actual, EARLIEST));
        }
        if (actual.isAfter(today)) {
            return List.of(new Violation(code, "in-future", "实际完成日期不能晚于今天 " + today, actual, today));
        }
        return List.of();
    }

    /**
     * Applies new planned dates to the plan's nodes: every code must be a node of the plan, once; afterwards the
     * planned dates must not decrease in node order.
     */
    static void replan(List<Milestone> nodes, List<SetMilestones.PlannedNode> changes) {
        Map<String, Milestone> byCode = new HashMap<>();
        nodes.forEach(n -> byCode.put(n.code(), n));
        Map<String, Integer> given = new HashMap<>();
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            String code = changes.get(i).code();
            if (!byCode.containsKey(code)) {
                out.add(new Violation("nodes[" + i + "].code", "unknown-node", "该项目的倒排计划中没有此节点",
                        Params.cut(code), byCode.keySet().stream().sorted().toList()));
            } else if (given.putIfAbsent(code, i) != null) {
                out.add(new Violation("nodes[" + i + "].code", "duplicate", "同一节点只能出现一次", code, null));
            }
        }
        if (!out.isEmpty()) {
            throw ApiException.unprocessable("invalid-replan", "倒排计划调整不成立 (invalid replanning)",
                    out.size() + " 处节点有误", out);
        }
        for (SetMilestones.PlannedNode c : changes) {
            Milestone n = byCode.get(c.code());
            if (!n.planned().equals(c.planned())) {
                n.replan(c.planned());
            }
        }
        for (int i = 1; i < nodes.size(); i++) {
            Milestone prev = nodes.get(i - 1);
            Milestone n = nodes.get(i);
            if (n.planned().isBefore(prev.planned())) {
                Integer at = given.containsKey(n.code()) ? given.get(n.code()) : given.get(prev.code());
                String field = at == null ? "nodes" : "nodes[" + at + "].planned";
                throw refused(field, "out-of-order", "节点计划日期须按节点顺序：" + n.code() + "（"
                        + n.name() + "）" + n.planned() + " 早于前一节点 " + prev.code() + "（" + prev.name() + "）"
                        + prev.planned(), n.planned(), prev.planned());
            }
        }
    }

    /** What completes an EVENT node, for messages. */
    static String byEvent(String code) {
        return switch (code) {
            case TemplateRules.APPROVED -> "并联审批通过";
            case TemplateRules.START -> "项目转入开工";
            case TemplateRules.PRODUCTION -> "项目转入投产";
            default -> "项目事件";
        };
    }

    private static void date(String field, LocalDate d, LocalDate today, List<Violation> out) {
        if (d == null) {
            return;
        }
        LocalDate latest = today.plusYears(YEARS_AHEAD);
        if (d.isBefore(EARLIEST) || d.isAfter(latest)) {
            out.add(new Violation(field, "out-of-range", "日期应在 " + EARLIEST + " 至 " + latest + " 之间", d,
                    Map.of("min", EARLIEST, "max", latest)));
        }
    }

    private static void reason(String reason, List<Violation> out) {
        if (reason != null && reason.length() > 500) {
            out.add(new Violation("reason", "too-long", "原因不得超过 500 字", Params.cut(reason), 500));
        }
    }

    private static ApiException refused(String field, String code, String message, Object value, Object limit) {
        return ApiException.unprocessable(code, "倒排计划不能这样修改 (milestone rule broken)", message,
                List.of(new Violation(field, code, message, value, limit)));
    }
}
