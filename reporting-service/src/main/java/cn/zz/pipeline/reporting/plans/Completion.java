package cn.zz.pipeline.reporting.plans;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.Stage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rules of completion (完成进度) in one place: which annual plans count, 计划完成率 and 目标完成率, 时序进度, a
 * lagging group, and which target the total of a report is compared with. The projection, the reports, the ledger
 * and the reconciliation all ask here.
 */
public final class Completion {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private Completion() {
    }

    /**
     * A project's annual plan (年度计划投资) counts in a group's plan once the project is in the statistics library:
     * admitted (入库), started (开工) or in production (投产). Reserve and declared projects are not counted yet, a
     * withdrawn one (撤销) no more.
     */
    public static boolean counts(Stage stage) {
        return stage == Stage.ADMITTED || stage == Stage.STARTED || stage == Stage.IN_PRODUCTION;
    }

    /**
     * 时序进度 of the period 1-N月: N / 12 × 100, one decimal (1-2月 16.7, 1-6月 50.0, 1-10月 83.3, 1-12月 100.0).
     * January has no period of its own: it is folded into 1-2月 (month 2).
     */
    public static BigDecimal timeProgress(int month) {
        return BigDecimal.valueOf(month).multiply(HUNDRED).divide(TWELVE, 1, RoundingMode.HALF_UP);
    }

    /** 完成率: {@code ytd} / {@code of} × 100, one decimal (half up); null without a positive {@code of}. */
    public static BigDecimal rate(BigDecimal ytd, BigDecimal of) {
        if (ytd == null || of == null || of.signum() <= 0) {
            return null;
        }
        return ytd.multiply(HUNDRED).divide(of, 1, RoundingMode.HALF_UP);
    }

    /**
     * A group lags (滞后于时序进度) when its plan or its target completion rate is below the time progress; without
     * either rate there is nothing to lag behind.
     */
    public static boolean lagging(BigDecimal planRate, BigDecimal targetRate, BigDecimal timeProgress) {
        return planRate != null && planRate.compareTo(timeProgress) < 0
                || targetRate != null && targetRate.compareTo(timeProgress) < 0;
    }

    /**
     * Whether targets can be set for {@code region}: a district of the city's table, or the city itself
     * ({@link District#CITY}), whose own target the total of a city-wide report is compared with.
     */
    public static boolean targetRegion(String region) {
        return District.CITY.equals(region) || District.known(region);
    }

    /**
     * The region whose target a report's total is compared with: the district when the scope is one district, the
     * city when it is the whole city (no scope, admin's, or the city's prefix); null for any other scope (no target).
     */
    public static String totalTargetRegion(String scope) {
        if (scope == null || District.CITY.equals(scope)) {
            return District.CITY;
        }
        return District.known(scope) ? scope : null;
    }

    /** The Chinese name of a target region: 郑州市 for the city, the district's name otherwise. */
    public static String regionLabel(String region) {
        return District.CITY.equals(region) ? "郑州市" : District.label(region);
    }
}
