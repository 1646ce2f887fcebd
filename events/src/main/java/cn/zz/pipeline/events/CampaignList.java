package cn.zz.pipeline.events;

/** The three lists of Henan's 三个一批 campaign; a project stands on at most one list of a campaign. */
public enum CampaignList {
    SIGN("签约一批"),
    START("开工一批"),
    PRODUCE("投产一批");

    private final String label;

    CampaignList(String label) {
        this.label = label;
    }

    /** Chinese display label, never used on the wire. */
    public String label() {
        return label;
    }
}
