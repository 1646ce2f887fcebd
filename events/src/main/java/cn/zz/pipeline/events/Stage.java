package cn.zz.pipeline.events;

/** Lifecycle stage of a project. Serialised by constant name (a code); {@link #label()} is for display only. */
public enum Stage {
    RESERVE("储备"),
    DECLARED("申报"),
    ADMITTED("入库"),
    STARTED("开工"),
    IN_PRODUCTION("投产"),
    WITHDRAWN("撤销");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** Chinese display label, never used on the wire. */
    public String label() {
        return label;
    }
}
