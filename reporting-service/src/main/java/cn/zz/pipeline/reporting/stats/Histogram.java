package cn.zz.pipeline.reporting.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/** Counts per whole value (days, hours) and the nearest-rank median and 90th percentile read from them. */
public final class Histogram {

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;
    private long sum;

    public void add(int value, long count) {
        counts.merge(value, count, Long::sum);
        total += count;
        sum += (long) value * count;
    }

    public long count() {
        return total;
    }

    /** Smallest value with at least {@code p} of the observations at or below it; null when empty. */
    public Integer percentile(double p) {
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    public BigDecimal average() {
        return total == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    /** A value in hours as days with one decimal. */
    public static BigDecimal hoursAsDays(Integer hours) {
        return hours == null ? null : BigDecimal.valueOf(hours).divide(BigDecimal.valueOf(24), 1, RoundingMode.HALF_UP);
    }
}
