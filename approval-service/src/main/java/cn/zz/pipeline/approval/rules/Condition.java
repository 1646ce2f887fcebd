package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * When a rule applies: every criterion given must hold (AND); an absent criterion holds for every project, so an
 * empty condition applies always. A list criterion holds when the project's value is one of the list.
 *
 * @param takesNewLand the project takes new construction land (新增用地)
 * @param eiaCategories EIA categories (环评类别); a project without EIA never matches a list
 * @param districts region codes or prefixes (e.g. 4101 for the whole city)
 * @param minTotalInvestment total investment at least this (万元)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ApprovalRuleCondition", description = "规则适用条件：给出的各项须同时满足，省略的不限制；列表不能为空"
        + " (every criterion given must hold; an absent one holds for every project; a list must not be empty)")
public record Condition(
        @Schema(description = "项目是否新增建设用地 (the project takes new construction land)") Boolean takesNewLand,
        @Schema(description = "环评类别之一 (one of these EIA categories); a project without EIA never matches",
                minItems = 1) List<EiaCategory> eiaCategories,
        @Schema(description = "建设性质之一 (one of these construction types)", minItems = 1)
        List<ConstructionType> constructionTypes,
        @Schema(description = "项目类型之一：01 基本建设、02 技术改造、03 单纯购置、04 信息化、99 其他 (one of these project"
                + " types)", minItems = 1) List<String> projectTypes,
        @Schema(description = "行业门类之一 (one of these sectors)", minItems = 1) List<Sector> sectors,
        @Schema(description = "区域代码或前缀之一，2 到 6 位数字，如 4101 为全市 (region codes or prefixes; 4101 is the"
                + " whole city)", minItems = 1) List<String> districts,
        @Schema(description = "总投资下限（万元），不小于 0 (total investment at least this, in 万元 (10,000 CNY))",
                minimum = "0", examples = "10000") BigDecimal minTotalInvestment) {

    public static final Condition ALWAYS = new Condition(null, null, null, null, null, null, null);

    public boolean matches(ProjectSnapshot p) {
        if (takesNewLand != null && takesNewLand != p.takesNewLand()) {
            return false;
        }
        if (eiaCategories != null && !eiaCategories.contains(p.eiaCategory())) {
            return false;
        }
        if (constructionTypes != null && !constructionTypes.contains(p.constructionType())) {
            return false;
        }
        if (projectTypes != null && !projectTypes.contains(p.projectType())) {
            return false;
        }
        if (sectors != null && !sectors.contains(p.sector())) {
            return false;
        }
        if (districts != null && districts.stream().noneMatch(d -> p.district() != null && p.district().startsWith(d))) {
            return false;
        }
        return minTotalInvestment == null
                || (p.totalInvestment() != null && p.totalInvestment().compareTo(minTotalInvestment) >= 0);
    }
}
