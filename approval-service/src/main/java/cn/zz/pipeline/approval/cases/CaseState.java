package cn.zz.pipeline.approval.cases;

/** State of a parallel approval case (审批案件). */
public enum CaseState {
    OPEN("办理中"),
    APPROVED("已批准"),
    REJECTED("不予批准"),
    CANCELLED("已撤销");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
