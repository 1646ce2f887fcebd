package cn.zz.pipeline.project.lifecycle;

/** What this service knows of the project's current parallel approval case (并联审批), from approval events. */
public enum ApprovalState {
    OPEN("审批中"),
    APPROVED("已批准"),
    REJECTED("不予批准");

    private final String label;

    ApprovalState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
