package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.reporting.problems.ProblemReports;

import java.util.Map;

/**
 * Chinese labels of the codes the ledgers show, besides those with a home elsewhere (districts and departments:
 * {@code ReportingConfig}; stages and sectors: their enums in the event contract; problem categories: the problem
 * report). Unknown codes are shown as they are.
 */
public final class Labels {

    /** Approval task states (approval_task_view.state); also the values of the procedures ledger's state filter. */
    public enum TaskState {
        PENDING("待审批"),
        RETURNED("补正中"),
        APPROVED("已批准"),
        REJECTED("未通过"),
        CANCELLED("已取消");

        private final String label;

        TaskState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A problem as the problems ledger shows it: resolved, open, or open past its deadline. */
    public enum ProblemStatus {
        RESOLVED("已解决"),
        OPEN("未解决"),
        OVERDUE("已超期");

        private final String label;

        ProblemStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The approval items of approval-service's default rule table. */
    private static final Map<String, String> APPROVAL_ITEMS = Map.of(
            "PROJECT_FILING", "项目立项（审批/核准/备案）",
            "LAND_PRE_APPROVAL", "用地预审与选址意见书",
            "LAND_PLANNING_PERMIT", "建设用地规划许可证",
            "EIA_REPORT", "环境影响报告书审批",
            "EIA_REPORT_FORM", "环境影响报告表审批",
            "CONSTRUCTION_PERMIT", "建筑工程施工许可证");

    private Labels() {
    }

    public static String taskState(String code) {
        for (TaskState s : TaskState.values()) {
            if (s.name().equals(code)) {
                return s.label();
            }
        }
        return code;
    }

    public static String problemCategory(String code) {
        return code == null ? null : ProblemReports.CATEGORY_LABELS.getOrDefault(code, code);
    }

    public static String approvalItem(String code) {
        return code == null ? null : APPROVAL_ITEMS.getOrDefault(code, code);
    }

    public static String yesNo(boolean value) {
        return value ? "是" : "否";
    }
}
