package cn.zz.pipeline.events;

/** An approver's decision on one approval task. Serialised by constant name (a code); {@link #label()} is for display only. */
public enum Decision {
    APPROVE("批准"),
    REJECT("不予批准"),
    RETURN("退回补正");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** Chinese display label, never used on the wire. */
    public String label() {
        return label;
    }
}
