package cn.zz.pipeline.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/** One row's cells, with errors naming file, line and column. */
record Cell(String file, Map<String, String> row) {

    int line() {
        return Integer.parseInt(row.get("#line"));
    }

    IllegalArgumentException error(String column, String rule) {
        return new IllegalArgumentException(file + " line " + line() + ", column " + column + " ('"
                + row.getOrDefault(column, "") + "'): " + rule);
    }

    String required(String column) {
        String v = row.getOrDefault(column, "");
        if (v.isEmpty()) {
            throw error(column, "is required");
        }
        return v;
    }

    BigDecimal amount(String column) {
        try {
            BigDecimal v = new BigDecimal(row.get(column));
            if (v.signum() < 0) {
                throw error(column, "must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(column, "is a number (万元 / 亩)");
        }
    }

    int integer(String column) {
        try {
            return Integer.parseInt(required(column));
        } catch (NumberFormatException e) {
            throw error(column, "is a whole number");
        }
    }

    boolean flag(String column) {
        String v = row.get(column);
        if (!v.equals("true") && !v.equals("false")) {
            throw error(column, "is true or false");
        }
        return Boolean.parseBoolean(v);
    }

    LocalDate date(String column) {
        String v = row.getOrDefault(column, "");
        try {
            return v.isEmpty() ? null : LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw error(column, "is a date yyyy-MM-dd");
        }
    }

    LocalDateTime time(String column) {
        try {
            return LocalDateTime.parse(required(column));
        } catch (java.time.format.DateTimeParseException e) {
            throw error(column, "is a local time yyyy-MM-ddTHH:mm (Asia/Shanghai)");
        }
    }
}
