package cn.zz.pipeline.approval.rules;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import com.fasterxml.jackson.annotation.JsonInclude;

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
public record Condition(Boolean takesNewLand, List<EiaCategory> eiaCategories,
                        List<ConstructionType> constructionTypes, List<String> projectTypes, List<Sector> sectors,
                        List<String> districts, BigDecimal minTotalInvestment) {

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
