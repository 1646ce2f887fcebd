package cn.zz.pipeline.reporting.campaigns;

import cn.zz.pipeline.events.CampaignList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The rules of the 三个一批 campaign report, in one place: which date decides whether a project on a list is done, the
 * amount a project counts with, and the rate.
 */
public final class CampaignRules {

    /** The amount a project counts with: 签约金额 where the SIGN list knows it, else the project's 总投资. */
    public enum AmountBasis {
        SIGNED("签约金额"),
        TOTAL_INVESTMENT("总投资");

        private final String label;

        AmountBasis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private CampaignRules() {
    }

    /**
     * The date that decides a project of {@code list}: SIGN its 签约日期, START its 开工 date (a project in production
     * without one recorded started by its 投产 date at the latest), PRODUCE its 投产 date. Null when not reached.
     */
    public static LocalDate relevantDate(CampaignList list, LocalDate signedOn, LocalDate startedOn,
                                         LocalDate productionOn) {
        return switch (list) {
            case SIGN -> signedOn;
            case START -> startedOn != null ? startedOn : productionOn;
            case PRODUCE -> productionOn;
        };
    }

    /** Chinese name of the date {@link #relevantDate} gives for a list. */
    public static String dateLabel(CampaignList list) {
        return switch (list) {
            case SIGN -> "签约日期";
            case START -> "开工日期";
            case PRODUCE -> "投产日期";
        };
    }

    /** Done: the relevant date falls on or before the campaign's due date. */
    public static boolean done(LocalDate relevantDate, LocalDate dueDate) {
        return relevantDate != null && !relevantDate.isAfter(dueDate);
    }

    public static AmountBasis basis(CampaignList list, BigDecimal signedAmount) {
        return list == CampaignList.SIGN && signedAmount != null ? AmountBasis.SIGNED : AmountBasis.TOTAL_INVESTMENT;
    }

    /** 万元. */
    public static BigDecimal amount(AmountBasis basis, BigDecimal signedAmount, BigDecimal totalInvestment) {
        return basis == AmountBasis.SIGNED ? signedAmount : totalInvestment;
    }

    /** done / count × 100, percent with one decimal (half up); null for an empty group. */
    public static BigDecimal rate(long done, long count) {
        return count == 0 ? null
                : BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
