package cn.zz.pipeline.events;

import java.math.BigDecimal;

/** Canonical form for decimal amounts carried in events. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Strips trailing zeros and never leaves a negative scale, so that equal values have equal representations:
     * JSON does not keep a scale ("6500.50" and "6500.5" are one number), and record equality uses
     * {@link BigDecimal#equals}, which compares scale. Null stays null.
     */
    public static BigDecimal canonical(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
