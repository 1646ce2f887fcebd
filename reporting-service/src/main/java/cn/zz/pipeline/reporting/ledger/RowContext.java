package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.reporting.config.ReportingConfig;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * What turning a selected row into a ledger row needs besides the row: the labels, today, the zone and the at-risk
 * days of milestone lights ({@code pipeline.milestones.at-risk-days}).
 */
public record RowContext(ReportingConfig config, LocalDate today, ZoneId zone, int atRiskDays) {

    public String district(String code) {
        return config.districtLabel(code);
    }

    public String department(String code) {
        return config.departmentLabel(code);
    }

    /** A timestamptz value at the configured zone's offset: its local date and time are what users read. */
    public OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** A 万元 amount without trailing zeros (65000, not 65000.0000); null stays null. */
    public static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
