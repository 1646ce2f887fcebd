package cn.zz.pipeline.events;

/**
 * The statistics' industrial categories of a GB/T 4754 industry code, in one place for every producer and reader of
 * snapshots (project-service, reporting-service, the seed composer and the synthetic generator).
 */
public final class Industry {

    private Industry() {
    }

    /** 工业 = sections B 采矿业, C 制造业, D 电力、热力、燃气及水生产和供应业. */
    public static boolean industrial(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        char section = code.charAt(0);
        return section >= 'B' && section <= 'D';
    }

    /** 技改 = industrial projects of project type 02 技术改造. */
    public static boolean techReform(String code, String projectType) {
        return industrial(code) && "02".equals(projectType);
    }
}
