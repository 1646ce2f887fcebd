package cn.zz.pipeline.seeds;

import cn.zz.pipeline.events.District;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The seed files of seeds/data, read and checked: a mistake names the file, the line and the column, before
 * anything is sent to the stack.
 */
public record SeedData(List<District> districts, List<Project> projects,
                       Map<String, Map<YearMonth, BigDecimal>> reports, Map<String, List<Decision>> approvals,
                       Map<String, List<Problem>> problems, DispatchData dispatch) {

    /** Something a progress or failure line can name. */
    public interface Labelled {
        String label();
    }

    /** A project: the facts of {@code POST /api/projects}, its dates, and how it is loaded. */
    public record Project(String code, Map<String, Object> facts, LocalDateTime registeredAt, LocalDate declaredOn,
                          LocalDate admittedOn, LocalDate startedOn, LocalDate productionOn, LocalDate withdrawnOn,
                          boolean live, String leader, List<String> taskForce, int line) implements Labelled {

        public String district() {
            return (String) facts.get("district");
        }

        public String name() {
            return (String) facts.get("name");
        }

        @Override
        public String label() {
            return "projects.csv line " + line + " " + code + " " + name();
        }
    }

    public record Decision(String department, String decision, String comment, int line) {
    }

    /** @param loggedOn 登记日期; null: the day of loading */
    public record Problem(String category, String description, String department, LocalDate deadline,
                          LocalDate resolvedOn, String resolution, LocalDate loggedOn, int line) {
    }

    private static final List<String> FACTS = List.of("name", "ownerName", "ownerCreditCode", "district", "park",
            "chain", "industry", "constructionType", "projectType", "totalInvestment", "landArea", "annualOutput",
            "annualTax", "takesNewLand", "eiaCategory", "privateInvestment", "plannedStart", "plannedProduction");
    private static final Set<String> AMOUNTS = Set.of("totalInvestment", "landArea", "annualOutput", "annualTax");
    private static final Set<String> FLAGS = Set.of("takesNewLand", "privateInvestment");

    public static SeedData read(Path dir) {
        // The districts are the project's one table (events module), not a seed file.
        List<District> districts = District.all();
        List<Project> projects = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> districtCodes = new HashSet<>();
        districts.forEach(d -> districtCodes.add(d.code()));
        for (Map<String, String> r : Csv.read(dir.resolve("projects.csv"))) {
            Cell c = new Cell("projects.csv", r);
            String code = c.required("code");
            if (!codes.add(code)) {
                throw c.error("code", "appears twice");
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            for (String f : FACTS) {
                String v = r.getOrDefault(f, "");
                if (v.isEmpty()) {
                    facts.put(f, null);
                } else if (AMOUNTS.contains(f)) {
                    facts.put(f, c.amount(f));
                } else if (FLAGS.contains(f)) {
                    facts.put(f, c.flag(f));
                } else {
                    facts.put(f, v);
                }
            }
            if (!districtCodes.contains((String) facts.get("district"))) {
                throw c.error("district", "not a district of the city (reference/districts.csv)");
            }
            String declaration = r.getOrDefault("declaration", "");
            if (!declaration.isEmpty() && !declaration.equals("live")) {
                throw c.error("declaration", "is blank or live");
            }
            List<String> taskForce = new ArrayList<>();
            for (String t : r.getOrDefault("taskForce", "").split(";")) {
                if (!t.isBlank()) {
                    taskForce.add(t.strip());
                }
            }
            String leader = r.getOrDefault("leader", "");
            projects.add(new Project(code, facts, c.time("registeredAt"), c.date("declaredOn"), c.date("admittedOn"),
                    c.date("startedOn"), c.date("productionOn"), c.date("withdrawnOn"), declaration.equals("live"),
                    leader.isEmpty() ? null : leader, taskForce, c.line()));
            if (declaration.equals("live") && (c.date("declaredOn") == null || c.date("admittedOn") != null)) {
                throw c.error("declaration", "a live declaration needs declaredOn and no later stage date");
            }
        }
        Map<String, Map<YearMonth, BigDecimal>> reports = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("reports.csv"))) {
            Cell c = new Cell("reports.csv", r);
            String code = known(c, codes);
            int year = c.integer("year");
            Map<YearMonth, BigDecimal> figures = reports.computeIfAbsent(code, k -> new TreeMap<>());
            for (int m = 2; m <= 12; m++) {
                String column = String.format("m%02d", m);
                if (!r.getOrDefault(column, "").isEmpty()) {
                    if (figures.put(YearMonth.of(year, m), c.amount(column)) != null) {
                        throw c.error("year", "a second row for " + code + " " + year);
                    }
                }
            }
        }
        Map<String, List<Decision>> approvals = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("approvals.csv"))) {
            Cell c = new Cell("approvals.csv", r);
            String code = known(c, codes);
            String decision = c.required("decision");
            if (!Set.of("APPROVE", "REJECT", "RETURN").contains(decision)) {
                throw c.error("decision", "is APPROVE, REJECT or RETURN");
            }
            approvals.computeIfAbsent(code, k -> new ArrayList<>()).add(new Decision(c.required("department"),
                    decision, c.required("comment"), c.line()));
        }
        Map<String, List<Problem>> problems = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(dir.resolve("problems.csv"))) {
            Cell c = new Cell("problems.csv", r);
            String code = known(c, codes);
            LocalDate resolvedOn = c.date("resolvedOn");
            if (resolvedOn != null) {
                c.required("resolution");
            }
            problems.computeIfAbsent(code, k -> new ArrayList<>()).add(new Problem(c.required("category"),
                    c.required("description"), c.required("department"), c.date("deadline"), resolvedOn,
                    r.getOrDefault("resolution", ""), c.date("loggedOn"), c.line()));
        }
        return new SeedData(districts, projects, reports, approvals, problems,
                DispatchData.read(dir, codes, districtCodes));
    }

    private static String known(Cell c, Set<String> codes) {
        String code = c.required("code");
        if (!codes.contains(code)) {
            throw c.error("code", "is not in projects.csv");
        }
        return code;
    }

    public int reportRows() {
        Set<String> rows = new HashSet<>();
        reports.forEach((code, f) -> f.keySet().forEach(p -> rows.add(code + p.getYear())));
        return rows.size();
    }

    /** Per seeded year, the last month with a report anywhere (the month to compare the reports at). */
    public Map<Integer, Integer> referenceMonths() {
        Map<Integer, Integer> out = new TreeMap<>();
        reports.values().forEach(f -> f.keySet().forEach(p -> out.merge(p.getYear(), p.getMonthValue(), Math::max)));
        return out;
    }

    /** YTD 1-{month}月 of the whole city from the files: each project's latest figure of the year up to month. */
    public BigDecimal cityTotal(int year, int month) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<YearMonth, BigDecimal> f : reports.values()) {
            BigDecimal latest = null;
            for (Map.Entry<YearMonth, BigDecimal> e : f.entrySet()) {
                if (e.getKey().getYear() == year && e.getKey().getMonthValue() <= month) {
                    latest = e.getValue();
                }
            }
            if (latest != null) {
                sum = sum.add(latest);
            }
        }
        return sum;
    }
}
