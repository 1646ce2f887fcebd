package cn.zz.pipeline.reporting.stats;

/**
 * The investment categories leaders read besides the total. They overlap (技改 is part of 工业), so their shares do
 * not add up to 100. The classification rules live here and nowhere else.
 */
public enum Category {
    ALL("固定资产投资"),
    INDUSTRIAL("工业投资"),
    TECH_REFORM("技改投资"),
    PRIVATE("民间投资"),
    INFRASTRUCTURE("基础设施投资");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 工业 = GB/T 4754 sections B 采矿业, C 制造业, D 电力、热力、燃气及水生产和供应业. */
    public static boolean industrial(String industry) {
        return cn.zz.pipeline.events.Industry.industrial(industry);
    }

    /** 技改 = industrial projects of project type 02 技术改造. */
    public static boolean techReform(String industry, String projectType) {
        return cn.zz.pipeline.events.Industry.techReform(industry, projectType);
    }

    /**
     * 基础设施 as the statistics bureau's headline figure (不含电力、热力、燃气及水): G 交通运输、仓储和邮政业,
     * I63 电信、广播电视和卫星传输服务, I64 互联网和相关服务, N 水利、环境和公共设施管理业.
     */
    public static boolean infrastructure(String industry) {
        if (industry == null || industry.isEmpty()) {
            return false;
        }
        char section = industry.charAt(0);
        return section == 'G' || section == 'N' || industry.startsWith("I63") || industry.startsWith("I64");
    }
}
