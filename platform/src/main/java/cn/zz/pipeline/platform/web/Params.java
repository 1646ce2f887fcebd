package cn.zz.pipeline.platform.web;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses path and query parameters taken as strings, so that a bad one answers 400 naming the parameter instead
 * of the JAX-RS default (404 for an unconvertible query parameter).
 */
public final class Params {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private Params() {
    }

    public static int intParam(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw ApiException.badRequest(new Violation(name, "Range", "取值应在 " + min + " 到 " + max + " 之间",
                        raw, java.util.Map.of("min", min, "max", max)));
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(new Violation(name, "invalid-format", "应为整数 (expected an integer)",
                    cut(raw), null));
        }
    }

    public static UUID uuid(String name, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (RuntimeException e) {
            throw ApiException.badRequest(new Violation(name, "invalid-format", "应为 UUID (expected a UUID)",
                    cut(raw), null));
        }
    }

    /** A path id that is not a UUID names nothing that exists: 404 like any unknown id. */
    public static UUID pathId(String what, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (RuntimeException e) {
            throw ApiException.notFound(what, cut(raw));
        }
    }

    public static YearMonth period(String name, String raw) {
        if (raw == null || !PERIOD.matcher(raw).matches()) {
            throw ApiException.badRequest(new Violation(name, "Pattern", "期间格式应为 yyyy-MM (period must be yyyy-MM)",
                    cut(raw), "yyyy-MM"));
        }
        return YearMonth.parse(raw);
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeException e) {
            throw ApiException.badRequest(new Violation(name, "invalid-format", "日期格式应为 yyyy-MM-dd", cut(raw),
                    "yyyy-MM-dd"));
        }
    }

    public static <E extends Enum<E>> E enumParam(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(new Violation(name, "invalid-value", "取值无效 (not one of the allowed values)",
                    cut(raw), Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    /** true/false (any case); absent is null. */
    public static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        throw ApiException.badRequest(new Violation(name, "invalid-value", "应为 true 或 false", cut(raw),
                List.of("true", "false")));
    }

    public static String cut(String raw) {
        if (raw == null) {
            return null;
        }
        return raw.length() > 100 ? raw.substring(0, 100) + "…" : raw;
    }
}
