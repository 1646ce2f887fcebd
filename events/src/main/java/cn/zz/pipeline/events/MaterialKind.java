package cn.zz.pipeline.events;

/** The kinds of 入库资料, the evidence a project enters the statistics library (入库) on. */
public enum MaterialKind {
    APPROVAL_DOC("审批/核准/备案文件"),
    CONTRACT("施工合同"),
    SITE_PHOTO("现场照片"),
    OTHER("其他");

    private final String label;

    MaterialKind(String label) {
        this.label = label;
    }

    /** Chinese display label, never used on the wire. */
    public String label() {
        return label;
    }
}
