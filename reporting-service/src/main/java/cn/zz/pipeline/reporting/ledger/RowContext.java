package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.reporting.config.ReportingConfig;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What turning a result row into a ledger row needs besides the row: the labels, today and the zone. */
public record RowContext(ReportingConfig config, LocalDate today, ZoneId zone) {

    public String district(String code) {
        return config.districtLabel(code);
    }

    public String department(String code) {
        return config.departmentLabel(code);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A timestamptz column at the configured zone's offset: its local date and time are what users read. */
    public OffsetDateTime dateTime(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** A 万元 amount without trailing zeros (65000, not 65000.0000); null stays null. */
    public static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return plain(v);
    }

    public static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
