package cn.zz.pipeline.events;

/** Construction type (建设性质). Serialised by constant name (a code); {@link #label()} is for display only. */
public enum ConstructionType {
    NEW("新建"),
    EXPANSION("扩建"),
    RENOVATION("改建技改"),
    PURCHASE("单纯购置");

    private final String label;

    ConstructionType(String label) {
        this.label = label;
    }

    /** Chinese display label, never used on the wire. */
    public String label() {
        return label;
    }
}
