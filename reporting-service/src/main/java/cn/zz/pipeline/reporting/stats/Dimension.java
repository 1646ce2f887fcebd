package cn.zz.pipeline.reporting.stats;

import cn.zz.pipeline.events.Sector;

/** What an investment report groups by; the dimension's name in investment_total. */
public enum Dimension {
    DISTRICT(null),
    PARK("PARK"),
    CHAIN("CHAIN"),
    INDUSTRY("INDUSTRY"),
    CATEGORY(null);

    /** investment_total's dim of the categories within a park; its key is {@link #parkCategoryKey}. */
    public static final String PARK_CATEGORY = "PARK_CAT";

    private final String column;

    /** Key of a category within a park: the park's name and the category, apart by a character names never hold. */
    public static String parkCategoryKey(String park, Category category) {
        return park + '\u001f' + category.name();
    }

    Dimension(String column) {
        this.column = column;
    }

    /**
     * investment_total's (and plan_total's) dim of a park, chain or industry grouping (district and category rows
     * read CATEGORY).
     */
    public String column() {
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
