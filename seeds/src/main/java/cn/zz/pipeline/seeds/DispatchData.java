package cn.zz.pipeline.seeds;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 调度 seed files: annual plans ({@code plans.csv}), district targets ({@code targets.csv}) and the 三个一批
 * campaign ({@code campaigns.csv}), read and checked against the projects and districts.
 *
 * @param plans code → year → 年度计划投资 (万元)
 */
public record DispatchData(Map<String, Map<Integer, BigDecimal>> plans, List<Target> targets, List<Entry> entries) {

    /** A district's target (年度目标, 万元) for a year. */
    public record Target(String district, int year, BigDecimal amount, int line) implements SeedData.Labelled {

        @Override
        public String label() {
            return "targets.csv line " + line + " " + district + " " + year;
        }
    }

    /** A project on one list of a campaign; {@code signedOn}/{@code signedAmount} are set for a signed SIGN entry. */
    public record Entry(String campaign, LocalDate dueDate, String code, String list, LocalDate signedOn,
                        BigDecimal signedAmount, int line) implements SeedData.Labelled {

        @Override
        public String label() {
            return "campaigns.csv line " + line + " " + code;
        }
    }

    private static final Set<String> LISTS = Set.of("SIGN", "START", "PRODUCE");

    static DispatchData read(Path dir, Set<String> codes, Set<String> districts) {
        Map<String, Map<Integer, BigDecimal>> plans = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("plans.csv"))) {
            Cell c = new Cell("plans.csv", r);
            String code = code(c, codes);
            int year = c.integer("year");
            BigDecimal amount = c.amount("amount");
            if (amount.signum() <= 0) {
                throw c.error("amount", "is more than 0");
            }
            if (plans.computeIfAbsent(code, k -> new TreeMap<>()).put(year, amount) != null) {
                throw c.error("year", "appears twice for the project");
            }
        }
        List<Target> targets = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("targets.csv"))) {
            Cell c = new Cell("targets.csv", r);
            String district = c.required("district");
            if (!districts.contains(district)) {
                throw c.error("district", "not a district of the city (reference/districts.csv)");
            }
            targets.add(new Target(district, c.integer("year"), c.amount("amount"), c.line()));
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("campaigns.csv"))) {
            Cell c = new Cell("campaigns.csv", r);
            String list = c.required("list");
            if (!LISTS.contains(list)) {
                throw c.error("list", "is SIGN, START or PRODUCE");
            }
            LocalDate signedOn = c.date("signedOn");
            if (signedOn != null && !list.equals("SIGN")) {
                throw c.error("signedOn", "is only for the SIGN list");
            }
            BigDecimal signedAmount = r.getOrDefault("signedAmount", "").isEmpty() ? null : c.amount("signedAmount");
            c.required("dueDate");
            entries.add(new Entry(c.required("campaign"), c.date("dueDate"), code(c, codes), list, signedOn,
                    signedAmount, c.line()));
        }
        return new DispatchData(plans, targets, entries);
    }

    private static String code(Cell c, Set<String> codes) {
        String code = c.required("code");
        if (!codes.contains(code)) {
            throw c.error("code", "is not in projects.csv");
        }
        return code;
    }
}
