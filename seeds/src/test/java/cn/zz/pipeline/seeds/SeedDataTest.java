package cn.zz.pipeline.seeds;

import cn.zz.pipeline.events.Industry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed files on their own (no stack): they read, and they add up to the documents' figures, so a hand edit that
 * breaks a figure fails here in seconds, before the end-to-end test loads them.
 */
class SeedDataTest {

    private static final SeedData DATA = SeedData.read(Path.of("data"));
    private static final List<String> SIX = List.of("410102", "410103", "410104", "410105", "410106", "410108");

    /** YTD 1-{month}月 of the projects matching, each project's latest figure of the year up to that month. */
    private static BigDecimal ytd(int year, int month, Predicate<SeedData.Project> which) {
        BigDecimal sum = BigDecimal.ZERO;
        for (SeedData.Project p : DATA.projects()) {
            if (!which.test(p)) {
                continue;
            }
            BigDecimal latest = null;
            for (var e : DATA.reports().getOrDefault(p.code(), Map.of()).entrySet()) {
                if (e.getKey().getYear() == year && e.getKey().getMonthValue() <= month) {
                    latest = e.getValue();
                }
            }
            sum = latest == null ? sum : sum.add(latest);
        }
        return sum;
    }

    private static BigDecimal growth(BigDecimal ytd, BigDecimal base) {
        return ytd.multiply(BigDecimal.valueOf(100)).divide(base, 10, RoundingMode.HALF_UP)
                .subtract(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }

    @Test
    void shangjieIn2025IsFirstOfTheSixAndSecondInTheCity() {
        Map<String, BigDecimal> growth = new HashMap<>();
        for (cn.zz.pipeline.events.District d : DATA.districts()) {
            growth.put(d.code(), growth(ytd(2025, 6, p -> p.district().equals(d.code())),
                    ytd(2024, 6, p -> p.district().equals(d.code()))));
        }
        BigDecimal shangjie = ytd(2025, 6, p -> p.district().equals("410106"));
        assertThat(shangjie.divide(BigDecimal.valueOf(10_000), 1, RoundingMode.HALF_UP)).isEqualByComparingTo("29.6");
        assertThat(growth.get("410106")).isEqualByComparingTo("16.5");
        List<String> city = growth.keySet().stream().sorted(Comparator.comparing(growth::get).reversed()).toList();
        assertThat(city.indexOf("410106")).isEqualTo(1);
        assertThat(city.stream().filter(SIX::contains).findFirst()).contains("410106");
        assertThat(DATA.districts()).hasSize(15);
    }

    @Test
    void theParksTechnicalRenovationIn2024() {
        Predicate<SeedData.Project> park = p -> "上街区先进制造业开发区".equals(p.facts().get("park"));
        Predicate<SeedData.Project> industrial = p -> Industry.industrial((String) p.facts().get("industry"));
        Predicate<SeedData.Project> tech = p -> Industry.techReform((String) p.facts().get("industry"),
                (String) p.facts().get("projectType"));
        BigDecimal tech2024 = ytd(2024, 6, park.and(tech));
        assertThat(tech2024).isEqualByComparingTo("86600");
        assertThat(growth(tech2024, ytd(2023, 6, park.and(tech)))).isEqualByComparingTo("35.2");
        assertThat(tech2024.divide(ytd(2024, 6, park.and(industrial)), 4, RoundingMode.HALF_UP))
                .isGreaterThan(new BigDecimal("0.70"));
    }

    @Test
    void theAuxBaseCompleted650MillionIn2025() {
        SeedData.Project aux = DATA.projects().stream().filter(p -> p.name().startsWith("奥克斯智能空调基地")).findFirst()
                .orElseThrow();
        assertThat(DATA.reports().get(aux.code()).get(java.time.YearMonth.of(2025, 7))).isEqualByComparingTo("65000");
        assertThat(aux.facts().get("plannedProduction")).isEqualTo("2026-12-31");
        assertThat(aux.productionOn()).isNull();
        assertThat(DATA.projects().stream().filter(p -> "新郑市电子信息产业园".equals(p.facts().get("park")))).hasSize(5);
    }

    @Test
    void aBrokenFileNamesFileLineAndColumn() throws Exception {
        Path dir = Files.createTempDirectory("seeds");
        for (String f : List.of("projects.csv", "reports.csv", "approvals.csv", "problems.csv")) {
            Files.copy(Path.of("data", f), dir.resolve(f));
        }
        List<String> lines = Files.readAllLines(dir.resolve("reports.csv"));
        lines.add("2099-410106-01-01-000017,2025,12,,,,,,,,,,");
        Files.write(dir.resolve("reports.csv"), lines);
        assertThatThrownBy(() -> SeedData.read(dir)).hasMessageContaining("reports.csv line " + lines.size())
                .hasMessageContaining("column code").hasMessageContaining("not in projects.csv");
    }
}
