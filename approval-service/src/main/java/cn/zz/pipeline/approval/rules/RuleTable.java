package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.approval.config.ApprovalConfig;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.Params;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The versioned rule table. Versions never change once written, so each is parsed once and cached; "current" is
 * one indexed lookup of the highest version. Saving writes the next version, guarded by If-Match: of two admins
 * saving from the same version, the primary key lets one win and the other gets 409.
 */
@ApplicationScoped
public class RuleTable {

    static final int MAX_RULES = 200;
    private static final Pattern ITEM = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern REGION = Pattern.compile("\\d{2,6}");
    private static final Set<String> PROJECT_TYPES = Set.of("01", "02", "03", "04", "99");
    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() {
    };

    @Inject
    RuleVersionRepository stored;

    @Inject
    ObjectMapper json;

    @Inject
    ApprovalConfig config;

    private final Map<Integer, RuleSet> versions = new ConcurrentHashMap<>();

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSet current() {
        return version(stored.current());
    }

    /** A version of the table, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSet version(int version) {
        RuleSet cached = versions.get(version);
        if (cached != null) {
            return cached;
        }
        RuleVersion v = stored.findByIdOptional(version)
                .orElseThrow(() -> ApiException.notFound("审批规则表版本 (rule table version)", version));
        RuleSet set = new RuleSet(v.version(), parse(v.rules()), v.comment(), v.createdBy(), v.createdAt());
        versions.put(version, set);
        return set;
    }

    /** Writes the next version; the rules must pass {@link #validate}. */
    @Transactional
    public RuleSet save(List<Rule> rules, String comment, String actor, String ifMatch) {
        List<Violation> violations = validate(rules);
        if (comment != null && comment.length() > 500) {
            violations.add(new Violation("comment", "too-long", "说明不得超过 500 字", Params.cut(comment), 500));
        }
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("审批规则表有 " + violations.size() + " 处错误 (invalid rule table)", violations);
        }
        int current = stored.current();
        IfMatch.check(ifMatch, current, true, "审批规则表");
        int next = current + 1;
        if (!stored.insert(next, write(rules), comment == null || comment.isBlank() ? null : comment.strip(), actor)) {
            throw ApiException.conflict("stale-version", "审批规则表刚被他人修改为版本 " + next + "，请重新读取后再提交 (stale version)");
        }
        return version(next);
    }

    /** Every problem of a proposed table, each naming its field as the client wrote it ({@code rules[2].timeLimit}). */
    List<Violation> validate(List<Rule> rules) {
        List<Violation> out = new ArrayList<>();
        if (rules == null || rules.isEmpty()) {
            out.add(new Violation("rules", "required", "规则表至少要有一条规则", null, null));
            return out;
        }
        if (rules.size() > MAX_RULES) {
            out.add(new Violation("rules", "too-many", "规则表最多 " + MAX_RULES + " 条规则", rules.size(), MAX_RULES));
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String f = "rules[" + i + "]";
            Rule r = rules.get(i);
            if (r == null) {
                out.add(new Violation(f, "required", "规则不能为空", null, null));
                continue;
            }
            if (r.department() == null || r.department().isBlank()) {
                out.add(new Violation(f + ".department", "required", "须指明审批部门", null, null));
            } else if (!config.departments().containsKey(r.department())) {
                out.add(new Violation(f + ".department", "unknown-department", "未配置的审批部门",
                        Params.cut(r.department()), config.departments().keySet()));
            }
            if (r.item() == null || r.item().isBlank()) {
                out.add(new Violation(f + ".item", "required", "须给出审批事项代码", null, null));
            } else if (!ITEM.matcher(r.item()).matches()) {
                out.add(new Violation(f + ".item", "invalid-format", "事项代码为大写字母、数字和下划线，以字母开头，至多 40 位",
                        Params.cut(r.item()), ITEM.pattern()));
            } else if (r.department() != null && !seen.add(r.department() + "/" + r.item())) {
                out.add(new Violation(f + ".item", "duplicate", "同一部门的审批事项重复", r.item(), null));
            }
            if (r.itemName() == null || r.itemName().isBlank()) {
                out.add(new Violation(f + ".itemName", "required", "须给出审批事项名称", null, null));
            } else if (r.itemName().length() > 100) {
                out.add(new Violation(f + ".itemName", "too-long", "事项名称不得超过 100 字", Params.cut(r.itemName()), 100));
            }
            if (r.timeLimit() == null) {
                out.add(new Violation(f + ".timeLimit", "required", "须给出法定办理时限（天）", null, null));
            } else if (r.timeLimit() < 1 || r.timeLimit() > 365) {
                out.add(new Violation(f + ".timeLimit", "out-of-range", "办理时限应为 1 到 365 天", r.timeLimit(),
                        Map.of("min", 1, "max", 365)));
            }
            if (r.dayCount() == null) {
                out.add(new Violation(f + ".dayCount", "required", "须指明时限按工作日（WORKING）还是自然日（CALENDAR）计",
                        null, null));
            }
            if (r.when() != null) {
                condition(f + ".when", r.when(), out);
            }
        }
        return out;
    }

    private static void condition(String f, Condition c, List<Violation> out) {
        notEmpty(f + ".eiaCategories", c.eiaCategories(), out);
        notEmpty(f + ".constructionTypes", c.constructionTypes(), out);
        notEmpty(f + ".sectors", c.sectors(), out);
        if (notEmpty(f + ".projectTypes", c.projectTypes(), out)) {
            for (int i = 0; i < c.projectTypes().size(); i++) {
                String t = c.projectTypes().get(i);
                if (t == null || !PROJECT_TYPES.contains(t)) {
                    out.add(new Violation(f + ".projectTypes[" + i + "]", "unknown-project-type",
                            "项目类型应为 01 基本建设、02 技术改造、03 单纯购置、04 信息化、99 其他之一", Params.cut(t),
                            PROJECT_TYPES));
                }
            }
        }
        if (notEmpty(f + ".districts", c.districts(), out)) {
            for (int i = 0; i < c.districts().size(); i++) {
                String d = c.districts().get(i);
                if (d == null || !REGION.matcher(d).matches()) {
                    out.add(new Violation(f + ".districts[" + i + "]", "invalid-format", "区域代码应为 2 到 6 位数字（可为前缀）",
                            Params.cut(d), REGION.pattern()));
                }
            }
        }
        BigDecimal min = c.minTotalInvestment();
        if (min != null && min.signum() < 0) {
            out.add(new Violation(f + ".minTotalInvestment", "negative", "投资额下限不能为负", min, 0));
        }
    }

    /** An empty list would match no project at all: surely a mistake, so it is refused rather than obeyed. */
    private static boolean notEmpty(String field, List<?> list, List<Violation> out) {
        if (list == null) {
            return false;
        }
        if (list.isEmpty()) {
            out.add(new Violation(field, "empty", "列表为空时任何项目都不满足；不限制请省略该条件", null, null));
            return false;
        }
        if (list.contains(null)) {
            out.add(new Violation(field, "required", "列表中不能有空值", null, null));
            return false;
        }
        return true;
    }

    private List<Rule> parse(String text) {
        try {
            return List.copyOf(json.readValue(text, RULES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule table unreadable", e);
        }
    }

    private String write(List<Rule> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
