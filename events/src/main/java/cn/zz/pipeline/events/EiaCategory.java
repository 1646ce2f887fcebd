package cn.zz.pipeline.events;

/** Environmental impact assessment category (环评类别). Serialised by constant name (a code); {@link #label()} is for display only. */
public enum EiaCategory {
    REPORT("报告书"),
    REPORT_FORM("报告表"),
    REGISTRATION("登记表");

    private final String label;

    EiaCategory(String label) {
        this.label = label;
    }

    /** Chinese display label, never used on the wire. */
    public String label() {
        return label;
    }
}
