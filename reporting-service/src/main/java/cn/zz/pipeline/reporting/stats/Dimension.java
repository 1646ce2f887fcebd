package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.events.Sector;

/** What an investment report groups by; the column is stat_cell's. */
public enum Dimension {
    DISTRICT("district"),
    PARK("park"),
    CHAIN("chain"),
    INDUSTRY("sector"),
    CATEGORY(null);

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    /** stat_cell column of the dimension (null for CATEGORY, which is computed from the flags). */
    String column() {
        return column;
    }

    /** Chinese label of a group key of a dimension other than DISTRICT and CATEGORY. */
    String label(String key) {
        switch (this) {
            case PARK:
                return key.isEmpty() ? "未入园区" : key;
            case CHAIN:
                return key.isEmpty() ? "未归属产业链" : key;
            case INDUSTRY:
                return Sector.valueOf(key).label();
            default:
                return key;
        }
    }
}
