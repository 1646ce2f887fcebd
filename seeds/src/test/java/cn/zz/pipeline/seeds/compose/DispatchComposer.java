package cn.zz.pipeline.seeds.compose;

import cn.zz.pipeline.seeds.Csv;
import cn.zz.pipeline.seeds.SeedData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wrote the first version of the 调度 files from the committed projects and reports: {@code plans.csv} (each
 * admitted project's annual plan for every year it reports in), {@code targets.csv} (the districts' targets) and
 * {@code campaigns.csv} (one 三个一批 campaign with projects on every list). One-time and deterministic, like
 * {@link SeedComposer}; {@code DispatchComposerTest} checks that it writes the committed files.
 */
public final class DispatchComposer {

    static final String CAMPAIGN = "2026年第四期三个一批";
    static final LocalDate DUE = LocalDate.of(2026, 12, 31);

    private final SeedData data;

    DispatchComposer(SeedData data) {
        this.data = data;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "seeds/data");
        new DispatchComposer(SeedData.read(dir)).write(dir);
    }

    void write(Path dir) {
        List<List<?>> plans = plans();
        Csv.write(dir.resolve("plans.csv"), List.of(
                "年度计划投资 (annual plans) in 万元: each admitted project's plan for every year it reports in, set a little",
                "above what the year's figures reach (1.00–1.25 times; 2026 from 1-10月 extrapolated to the year)."),
                List.of("code", "year", "amount"), plans);
        Csv.write(dir.resolve("targets.csv"), List.of(
                "District targets (年度目标, 万元): the sum of the district's plans of the year, rounded up to 1000万元."),
                List.of("district", "year", "amount"), targets(plans));
        Csv.write(dir.resolve("campaigns.csv"), List.of(
                "三个一批 (签约一批、开工一批、投产一批): the campaign, its due date, and the projects on each list;",
                "signedOn/signedAmount (签约日期/金额, 万元) are the facts of a SIGN project once signed."),
                List.of("campaign", "dueDate", "code", "list", "signedOn", "signedAmount"), campaign());
    }

    private List<List<?>> plans() {
        List<List<?>> rows = new ArrayList<>();
        for (SeedData.Project p : sorted()) {
            Map<YearMonth, BigDecimal> figures = data.reports().get(p.code());
            if (p.admittedOn() == null || p.withdrawnOn() != null || figures == null) {
                continue;
            }
            Map<Integer, YearMonth> last = new TreeMap<>();
            figures.keySet().forEach(m -> last.merge(m.getYear(), m, (a, b) -> a.isAfter(b) ? a : b));
            for (Map.Entry<Integer, YearMonth> e : last.entrySet()) {
                int year = e.getKey();
                if (year < p.admittedOn().getYear()) {
                    continue;
                }
                BigDecimal reached = figures.get(e.getValue());
                int month = e.getValue().getMonthValue();
                if (year == 2026) { // the year is not over: extrapolate from its latest figure (1-10月, or 1-9月 late)
                    reached = reached.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(month), 0,
                            RoundingMode.HALF_UP);
                }
                double k = 1.0 + Math.floorMod(p.code().hashCode() * 31 + year, 26) / 100.0;
                BigDecimal plan = reached.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(100), 0,
                        RoundingMode.CEILING).multiply(BigDecimal.valueOf(100));
                rows.add(List.of(p.code(), year, plan.toPlainString()));
            }
        }
        return rows;
    }

    private List<List<?>> targets(List<List<?>> plans) {
        Map<String, String> districtOf = new TreeMap<>();
        data.projects().forEach(p -> districtOf.put(p.code(), p.district()));
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (List<?> r : plans) {
            int year = (Integer) r.get(1);
            if (year >= 2025) {
                sums.merge(districtOf.get((String) r.get(0)) + "," + year, new BigDecimal((String) r.get(2)),
                        BigDecimal::add);
            }
        }
        List<List<?>> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] k = key.split(",");
            BigDecimal target = sum.divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING)
                    .multiply(BigDecimal.valueOf(1000));
            rows.add(List.of(k[0], Integer.parseInt(k[1]), target.toPlainString()));
        });
        return rows;
    }

    /**
     * Per district: SIGN the reserve projects (the first signed in October, the second not yet), START two admitted
     * projects not started and one started this year, PRODUCE two started projects and one in production since 2025's
     * last quarter.
     */
    private List<List<?>> campaign() {
        List<List<?>> rows = new ArrayList<>();
        Map<String, List<SeedData.Project>> byDistrict = new TreeMap<>();
        sorted().forEach(p -> byDistrict.computeIfAbsent(p.district(), d -> new ArrayList<>()).add(p));
        for (List<SeedData.Project> ps : byDistrict.values()) {
            List<SeedData.Project> reserve = ps.stream().filter(p -> p.declaredOn() == null && p.withdrawnOn() == null)
                    .limit(2).toList();
            for (int i = 0; i < reserve.size(); i++) {
                SeedData.Project p = reserve.get(i);
                BigDecimal total = (BigDecimal) p.facts().get("totalInvestment");
                rows.add(i == 0 ? List.of(CAMPAIGN, DUE, p.code(), "SIGN", LocalDate.of(2026, 10, 12 + rows.size() % 15),
                        total.toPlainString()) : List.of(CAMPAIGN, DUE, p.code(), "SIGN", "", ""));
            }
            ps.stream().filter(p -> p.admittedOn() != null && p.startedOn() == null && p.withdrawnOn() == null).limit(2)
                    .forEach(p -> rows.add(List.of(CAMPAIGN, DUE, p.code(), "START", "", "")));
            ps.stream().filter(p -> p.startedOn() != null && p.startedOn().getYear() == 2026 && p.productionOn() == null)
                    .limit(1).forEach(p -> rows.add(List.of(CAMPAIGN, DUE, p.code(), "START", "", "")));
            ps.stream().filter(p -> p.startedOn() != null && p.productionOn() == null && p.startedOn().getYear() < 2026)
                    .limit(2).forEach(p -> rows.add(List.of(CAMPAIGN, DUE, p.code(), "PRODUCE", "", "")));
            ps.stream().filter(p -> p.productionOn() != null && p.productionOn().isAfter(LocalDate.of(2025, 9, 30)))
                    .limit(1).forEach(p -> rows.add(List.of(CAMPAIGN, DUE, p.code(), "PRODUCE", "", "")));
        }
        return rows;
    }

    private List<SeedData.Project> sorted() {
        return data.projects().stream().sorted(Comparator.comparing(SeedData.Project::code)).toList();
    }
}
