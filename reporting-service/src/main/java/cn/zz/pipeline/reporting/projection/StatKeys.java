package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.reporting.stats.Category;
import cn.zz.pipeline.reporting.stats.Dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * The investment_total rows a project's figures count under: one key per dimension, several categories, and the
 * categories again within the project's park (a park's leaders read its 技改 and 工业 investment).
 */
record StatKeys(String district, List<String[]> keys) {

    static StatKeys of(ProjectState p) {
        List<Category> categories = new ArrayList<>(5);
        categories.add(Category.ALL);
        if (Category.industrial(p.industry)) {
            categories.add(Category.INDUSTRIAL);
        }
        if (Category.techReform(p.industry, p.projectType)) {
            categories.add(Category.TECH_REFORM);
        }
        if (p.privateInvestment) {
            categories.add(Category.PRIVATE);
        }
        if (Category.infrastructure(p.industry)) {
            categories.add(Category.INFRASTRUCTURE);
        }
        List<String[]> keys = new ArrayList<>(2 * categories.size() + 3);
        for (Category c : categories) {
            keys.add(new String[] {"CATEGORY", c.name()});
        }
        if (p.park != null) {
            for (Category c : categories) {
                keys.add(new String[] {Dimension.PARK_CATEGORY, Dimension.parkCategoryKey(p.park, c)});
            }
        }
        keys.add(new String[] {"PARK", p.park == null ? "" : p.park});
        keys.add(new String[] {"CHAIN", p.chain == null ? "" : p.chain});
        keys.add(new String[] {"INDUSTRY", p.sector});
        return new StatKeys(p.district, keys);
    }

    boolean sameAs(StatKeys other) {
        if (other == null || !district.equals(other.district) || keys.size() != other.keys.size()) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i)[0].equals(other.keys.get(i)[0]) || !keys.get(i)[1].equals(other.keys.get(i)[1])) {
                return false;
            }
        }
        return true;
    }
}
