package cn.zz.pipeline.events;

/** Three-sector classification (三次产业). Serialised by constant name (a code); {@link #label()} is for display only. */
public enum Sector {
    PRIMARY("第一产业"),
    SECONDARY("第二产业"),
    TERTIARY("第三产业");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    /** Chinese display label, never used on the wire. */
    public String label() {
        return label;
    }

    /**
     * The sector of a GB/T 4754-2017 industry code (a section letter and at least the 2-digit division), by the 2018
     * rule of the statistics bureau: A is primary except 05 (agricultural services); B, C, D, E are secondary except
     * B11 (mining services) and C43 (repair of metal products and machinery); the rest tertiary. Every producer of
     * snapshots (project-service, the synthetic generator) derives it here.
     */
    public static Sector ofIndustry(String code) {
        char section = code.charAt(0);
        int division = Integer.parseInt(code.substring(1, 3));
        if (section == 'A') {
            return division == 5 ? TERTIARY : PRIMARY;
        }
        if (section >= 'B' && section <= 'E') {
            boolean services = section == 'B' && division == 11 || section == 'C' && division == 43;
            return services ? TERTIARY : SECONDARY;
        }
        return TERTIARY;
    }
}
