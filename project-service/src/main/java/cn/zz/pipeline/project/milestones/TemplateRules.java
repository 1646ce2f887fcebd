package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.project.MilestoneNode.Completion;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.web.Params;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a milestone template version: the shape of every field (400), then how the nodes fit together
 * (422). Fields are named as the client wrote them ({@code templates[1].nodes[3].offsetDays}).
 */
final class TemplateRules {

    static final String LAND = "LAND";
    static final String APPROVED = "APPROVED";
    static final String START = "START";
    static final String PRODUCTION = "PRODUCTION";
    /** The codes outside clients rely on, with the only way each completes; every other node completes by hand. */
    static final Map<String, Completion> FIXED = Map.of(LAND, Completion.MANUAL, APPROVED, Completion.EVENT,
            START, Completion.EVENT, PRODUCTION, Completion.EVENT);
    static final Set<String> PROJECT_TYPES = Set.of("01", "02", "03", "04", "99");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int MAX_TEMPLATES = 50;
    static final int MAX_NODES = 30;
    static final int MAX_OFFSET = 3650;

    private TemplateRules() {
    }

    /** 400 naming every malformed field, else 422 naming every broken rule; returns quietly when valid. */
    static void check(TemplatesRequest body) {
        List<Violation> shape = shape(body);
        if (!shape.isEmpty()) {
            throw ApiException.badRequest("里程碑模板有 " + shape.size() + " 处输入有误 (invalid milestone templates)", shape);
        }
        List<Violation> broken = fit(body.templates());
        if (!broken.isEmpty()) {
            throw ApiException.unprocessable("invalid-milestone-template", "里程碑模板不成立 (milestone template rules broken)",
                    "里程碑模板有 " + broken.size() + " 处规则不满足", broken);
        }
    }

    static List<Violation> shape(TemplatesRequest body) {
        List<Violation> out = new ArrayList<>();
        if (body == null || body.templates() == null || body.templates().isEmpty()) {
            out.add(new Violation("templates", "required", "至少要有一个模板 (templates required)", null, null));
            return out;
        }
        if (body.comment() != null && body.comment().length() > 500) {
            out.add(new Violation("comment", "too-long", "说明不得超过 500 字", Params.cut(body.comment()), 500));
        }
        if (body.templates().size() > MAX_TEMPLATES) {
            out.add(new Violation("templates", "too-many", "模板至多 " + MAX_TEMPLATES + " 个", body.templates().size(),
                    MAX_TEMPLATES));
            return out;
        }
        for (int i = 0; i < body.templates().size(); i++) {
            String f = "templates[" + i + "]";
            Template t = body.templates().get(i);
            if (t == null) {
                out.add(new Violation(f, "required", "模板不能为空", null, null));
                continue;
            }
            if (t.projectType() == null) {
                out.add(new Violation(f + ".projectType", "required", "须指明项目类型", null, null));
            } else if (!PROJECT_TYPES.contains(t.projectType())) {
                out.add(new Violation(f + ".projectType", "unknown-project-type",
                        "项目类型应为 01 基本建设、02 技术改造、03 单纯购置、04 信息化、99 其他之一", Params.cut(t.projectType()),
                        PROJECT_TYPES));
            }
            if (t.nodes() == null || t.nodes().isEmpty()) {
                out.add(new Violation(f + ".nodes", "required", "模板至少要有一个节点", null, null));
                continue;
            }
            if (t.nodes().size() > MAX_NODES) {
                out.add(new Violation(f + ".nodes", "too-many", "一个模板至多 " + MAX_NODES + " 个节点", t.nodes().size(),
                        MAX_NODES));
                continue;
            }
            for (int j = 0; j < t.nodes().size(); j++) {
                node(f + ".nodes[" + j + "]", t.nodes().get(j), out);
            }
        }
        return out;
    }

    private static void node(String f, TemplateNode n, List<Violation> out) {
        if (n == null) {
            out.add(new Violation(f, "required", "节点不能为空", null, null));
            return;
        }
        if (n.code() == null || n.code().isBlank()) {
            out.add(new Violation(f + ".code", "required", "须给出节点代码", null, null));
        } else if (!CODE.matcher(n.code()).matches()) {
            out.add(new Violation(f + ".code", "invalid-format", "节点代码为大写字母、数字和下划线，以字母开头，至多 40 位",
                    Params.cut(n.code()), CODE.pattern()));
        }
        if (n.name() == null || n.name().isBlank()) {
            out.add(new Violation(f + ".name", "required", "须给出节点中文名称", null, null));
        } else if (n.name().length() > 50) {
            out.add(new Violation(f + ".name", "too-long", "节点名称不得超过 50 字", Params.cut(n.name()), 50));
        }
        if (n.offsetDays() == null) {
            out.add(new Violation(f + ".offsetDays", "required", "须给出距目标开工的天数", null, null));
        } else if (n.offsetDays() < 0 || n.offsetDays() > MAX_OFFSET) {
            out.add(new Violation(f + ".offsetDays", "out-of-range", "天数应为 0 到 " + MAX_OFFSET, n.offsetDays(),
                    Map.of("min", 0, "max", MAX_OFFSET)));
        }
        if (n.completion() == null) {
            out.add(new Violation(f + ".completion", "required", "须指明完成方式 EVENT 或 MANUAL", null, null));
        }
    }

    /**
     * How well-formed templates fit together: one template per project type and construction type, one general
     * template per project type; within a template unique codes, START with offset 0, PRODUCTION last, the fixed
     * codes' completion, and the nodes in date order (offsets before START never growing).
     */
    static List<Violation> fit(List<Template> templates) {
        List<Violation> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> general = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            String f = "templates[" + i + "]";
            Template t = templates.get(i);
            ConstructionType ct = t.constructionType();
            if (!keys.add(t.projectType() + "/" + ct)) {
                out.add(new Violation(ct == null ? f + ".projectType" : f + ".constructionType", "duplicate",
                        "同一项目类型与建设性质的模板重复", ct == null ? t.projectType() : ct.name(), null));
            }
            if (ct == null) {
                general.add(t.projectType());
            }
            nodes(f, t.nodes(), out);
        }
        for (String type : PROJECT_TYPES.stream().sorted().toList()) {
            if (!general.contains(type)) {
                out.add(new Violation("templates", "missing-template", "项目类型 " + type + " 缺少不限建设性质的模板", type,
                        null));
            }
        }
        return out;
    }

    private static void nodes(String f, List<TemplateNode> nodes, List<Violation> out) {
        Set<String> codes = new HashSet<>();
        int start = -1;
        Integer previousOffset = null;
        for (int j = 0; j < nodes.size(); j++) {
            String nf = f + ".nodes[" + j + "]";
            TemplateNode n = nodes.get(j);
            if (!codes.add(n.code())) {
                out.add(new Violation(nf + ".code", "duplicate", "模板中节点代码重复", n.code(), null));
            }
            Completion fixed = FIXED.getOrDefault(n.code(), Completion.MANUAL);
            if (n.completion() != fixed) {
                out.add(new Violation(nf + ".completion", "completion-fixed", FIXED.containsKey(n.code())
                        ? "节点 " + n.code() + " 的完成方式固定为 " + fixed
                        : "只有 APPROVED、START、PRODUCTION 由项目事件完成，其他节点由手工填报 (MANUAL)", n.completion(), fixed));
            }
            if (n.code().equals(START)) {
                start = j;
                if (n.offsetDays() != 0) {
                    out.add(new Violation(nf + ".offsetDays", "start-offset", "START 开工即目标开工日期，天数须为 0",
                            n.offsetDays(), 0));
                }
            } else if (n.code().equals(PRODUCTION)) {
                if (j != nodes.size() - 1) {
                    out.add(new Violation(nf + ".code", "production-last", "PRODUCTION 投产须为最后一个节点", n.code(),
                            null));
                }
            } else if (start >= 0) {
                out.add(new Violation(nf + ".code", "after-start", "开工之后只能有 PRODUCTION 投产节点", n.code(), null));
            } else {
                if (previousOffset != null && n.offsetDays() > previousOffset) {
                    out.add(new Violation(nf + ".offsetDays", "out-of-order",
                            "节点须按时间先后排列：开工前天数不得大于前一节点的 " + previousOffset, n.offsetDays(),
                            previousOffset));
                }
                previousOffset = n.offsetDays();
            }
        }
        if (start < 0) {
            out.add(new Violation(f + ".nodes", "start-required", "模板须含 START 开工节点", null, null));
        }
    }
}
