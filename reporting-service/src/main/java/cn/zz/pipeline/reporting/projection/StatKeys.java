package cn.zz.pipeline.reporting.projection;

import cn.zz.pipeline.reporting.stats.Category;

import java.util.ArrayList;
import java.util.List;

/** The investment_total rows a project's figures count under: one key per dimension, several categories. */
record StatKeys(String district, List<String[]> keys) {

    static StatKeys of(ProjectState p) {
        List<String[]> keys = new ArrayList<>(8);
        keys.add(new String[] {"CATEGORY", Category.ALL.name()});
        if (Category.industrial(p.industry)) {
            keys.add(new String[] {"CATEGORY", Category.INDUSTRIAL.name()});
        }
        if (Category.techReform(p.industry, p.projectType)) {
            keys.add(new String[] {"CATEGORY", Category.TECH_REFORM.name()});
        }
        if (p.privateInvestment) {
            keys.add(new String[] {"CATEGORY", Category.PRIVATE.name()});
        }
        if (Category.infrastructure(p.industry)) {
            keys.add(new String[] {"CATEGORY", Category.INFRASTRUCTURE.name()});
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
