package cn.zz.pipeline.approval.cases;

/** State of one department's task. PENDING and RETURNED are open; the rest are final. */
public enum TaskState {
    PENDING("办理中"),
    RETURNED("退回补正"),
    APPROVED("已批准"),
    REJECTED("不予批准"),
    CANCELLED("已撤销");

    private final String label;

    TaskState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == PENDING || this == RETURNED;
    }
}
