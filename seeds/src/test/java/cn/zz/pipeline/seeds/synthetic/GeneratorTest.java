package cn.zz.pipeline.seeds.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zz.pipeline.events.Codes;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    private static final long SEED = 42;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final int N = 20_000;
    private static final ObjectWriter EVENTS = EventCodec.mapper().writerFor(EventEnvelope.class);

    private static Generator generator;
    private static List<SyntheticProject> projects;

    @BeforeAll
    static void generate() {
        generator = new Generator(SEED, TODAY);
        projects = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            projects.add(generator.project(i));
        }
    }

    private static List<byte[]> bytes(Generator g, long index) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (EventEnvelope e : g.envelopes(g.project(index))) {
            out.add(EVENTS.writeValueAsBytes(e));
        }
        return out;
    }

    @Test
    void theSameSeedGivesByteIdenticalEventsAndAnotherSeedOthers() throws Exception {
        Generator again = new Generator(SEED, TODAY);
        Generator other = new Generator(SEED + 1, TODAY);
        // a fresh generator starts a different cycle first: nothing depends on what was generated before
        assertThat(bytes(again, 100_003)).containsExactlyElementsOf(bytes(generator, 100_003));
        for (int i = 0; i < 500; i++) {
            assertThat(bytes(again, i)).as("project %d", i).containsExactlyElementsOf(bytes(generator, i));
            assertThat(again.project(i).importBody()).isEqualTo(projects.get(i).importBody());
        }
        int differentCodes = 0;
        for (int i = 0; i < 100; i++) {
            if (!other.project(i).code().equals(projects.get(i).code())) {
                differentCodes++;
            }
        }
        assertThat(differentCodes).isGreaterThan(90);
        assertThat(other.project(0).id()).isNotEqualTo(projects.get(0).id());
    }

    @Test
    void aSliceFromKEqualsTheTailOfAFullRun() throws Exception {
        String full = ndjson(0, 3_000);
        String slice = ndjson(1_234, 1_766);
        List<String> lines = Arrays.asList(full.split("\n"));
        assertThat(lines).hasSize(3_000);
        assertThat(slice.split("\n")).containsExactlyElementsOf(lines.subList(1_234, 3_000));
        Generator fresh = new Generator(SEED, TODAY);
        for (long i = 2_990; i < 3_000; i++) {
            assertThat(bytes(fresh, i)).containsExactlyElementsOf(bytes(generator, i));
        }
    }

    private static String ndjson(long from, long count) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Load.Totals t = Load.run(new Generator(SEED, TODAY), from, count, 3, new NdjsonSink(out), null);
        assertThat(t.projects()).isEqualTo(count);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stagesDistrictsAndSizesAreDistributedAsIntended() {
        Map<Stage, Integer> stages = new EnumMap<>(Stage.class);
        Map<String, Integer> districts = new HashMap<>();
        List<Long> totals = new ArrayList<>();
        int industrial = 0;
        int techReform = 0;
        int privately = 0;
        int landProjects = 0;
        int intense = 0;
        int chains = 0;
        for (SyntheticProject p : projects) {
            ProjectSnapshot s = p.registered();
            stages.merge(p.stage(), 1, Integer::sum);
            districts.merge(s.district(), 1, Integer::sum);
            assertThat(s.totalInvestment()).isGreaterThanOrEqualTo(new BigDecimal(500));
            totals.add(s.totalInvestment().longValueExact());
            boolean isIndustrial = "BCD".indexOf(s.industry().charAt(0)) >= 0;
            if (isIndustrial) {
                industrial++;
                if ("02".equals(s.projectType())) {
                    techReform++;
                }
                if (s.takesNewLand()) {
                    landProjects++;
                    BigDecimal intensity = s.totalInvestment().divide(s.landArea(), 4, java.math.RoundingMode.DOWN);
                    if (intensity.compareTo(new BigDecimal(400)) >= 0) {
                        intense++;
                    }
                }
            }
            if (s.privateInvestment()) {
                privately++;
            }
            if (s.chain() != null) {
                chains++;
                Catalog.Chain chain = Arrays.stream(Catalog.DISTRICTS).filter(d -> d.code().equals(s.district()))
                        .flatMap(d -> Arrays.stream(d.chains())).filter(c -> c.name().equals(s.chain()))
                        .findFirst().orElseThrow(() -> new AssertionError(s.chain() + " not a chain of "
                                + s.district()));
                assertThat(chain.industries()).extracting(Catalog.Industry::code).contains(s.industry());
            }
            assertThat(s.sector()).isEqualTo(Sector.ofIndustry(s.industry()));
            assertThat(s.takesNewLand()).isEqualTo(s.landArea() != null);
            assertThat(s.plannedProduction()).isAfterOrEqualTo(s.plannedStart());
            assertThat(s.stage()).isEqualTo(Stage.RESERVE);
            assertThat(s.leader()).isNull();
            assertThat(s.name().length()).isLessThanOrEqualTo(200);
            assertThat(s.ownerName().length()).isLessThanOrEqualTo(200);
        }
        double[] expected = SlotTable.STAGE_SHARES;
        for (int k = 0; k < expected.length; k++) {
            double share = stages.getOrDefault(SlotTable.STAGES[k], 0) / (double) N;
            assertThat(share).as("share of %s", SlotTable.STAGES[k]).isBetween(expected[k] - 0.02, expected[k] + 0.02);
        }
        assertThat(districts.keySet()).containsExactlyInAnyOrder("410102", "410103", "410104", "410105", "410106",
                "410108", "410122", "410171", "410172", "410173", "410181", "410182", "410183", "410184", "410185");
        double weights = Arrays.stream(Catalog.DISTRICTS).mapToDouble(Catalog.District::weight).sum();
        for (Catalog.District d : Catalog.DISTRICTS) {
            assertThat(districts.get(d.code()) / (double) N).as(d.name())
                    .isBetween(d.weight() / weights - 0.015, d.weight() / weights + 0.015);
        }
        totals.sort(null);
        long median = totals.get(N / 2);
        assertThat(median).as("median total investment").isBetween(1_000L, 10_000L);
        assertThat(totals.get(N - 1)).as("largest").isGreaterThanOrEqualTo(100_000L);
        long billionPlus = totals.stream().filter(t -> t >= 100_000).count();
        assertThat(billionPlus / (double) N).as("10亿+ share").isBetween(0.002, 0.05);
        assertThat(industrial / (double) N).as("industrial share").isBetween(0.3, 0.6);
        assertThat(techReform / (double) industrial).as("技改 share of industry").isBetween(0.2, 0.4);
        assertThat(privately / (double) N).as("private share").isBetween(0.5, 0.6);
        assertThat(intense / (double) landProjects).as("投资强度 >= 400 among industrial land").isGreaterThan(0.85);
        assertThat(chains / (double) N).isBetween(0.6, 0.8);
    }

    @Test
    void codesAreValidUniqueAndMatchTheRegistration() {
        Set<String> codes = new HashSet<>();
        Set<String> serials = new HashSet<>();
        Set<String> credits = new HashSet<>();
        for (SyntheticProject p : projects) {
            ProjectSnapshot s = p.registered();
            String code = s.code();
            assertThat(code).matches("\\d{4}-\\d{6}-01-(01|02|03|04|99)-\\d{5}[0-9X]");
            assertThat(code.charAt(23)).isEqualTo(Codes.projectCodeCheck(code.substring(0, 23)));
            int year = LocalDate.ofInstant(p.dates().registeredAt(), Generator.ZONE).getYear();
            assertThat(code).startsWith(year + "-" + s.district() + "-01-" + s.projectType() + "-");
            assertThat(Integer.parseInt(code.substring(18, 23))).isBetween(SlotTable.SERIAL_BASE + 1,
                    SlotTable.MAX_SERIAL);
            assertThat(codes.add(code)).isTrue();
            assertThat(serials.add(code.substring(0, 11) + code.substring(17, 23))).as("serial of " + code).isTrue();
            String credit = s.ownerCreditCode();
            assertThat(credit).hasSize(18).startsWith("91" + s.district());
            assertThat(credit.chars().allMatch(c -> Codes.CREDIT_ALPHABET.indexOf(c) >= 0)).isTrue();
            assertThat(credit.charAt(17)).isEqualTo(Codes.creditCodeCheck(credit.substring(0, 17)));
            assertThat(credits.add(credit)).isTrue();
        }
    }

    @Test
    void historiesAndReportsAreConsistent() {
        YearMonth lastPeriod = YearMonth.of(2026, 10);
        LocalDate yesterday = TODAY.minusDays(1);
        for (SyntheticProject p : projects) {
            HistoricalTimeline.Dates d = p.dates();
            LocalDate registered = LocalDate.ofInstant(d.registeredAt(), Generator.ZONE);
            assertThat(registered).isBeforeOrEqualTo(yesterday).isAfter(LocalDate.of(2015, 12, 31));
            LocalDate[] chain = {d.declaredOn(), d.admittedOn(), d.startedOn(), d.productionOn()};
            LocalDate previous = registered;
            boolean gap = false;
            for (LocalDate date : chain) {
                if (date == null) {
                    gap = true;
                    continue;
                }
                assertThat(gap).as("a stage date after a missing one in " + p.code()).isFalse();
                assertThat(date).isAfterOrEqualTo(previous).isBeforeOrEqualTo(yesterday);
                previous = date;
            }
            if (d.withdrawnOn() != null) {
                assertThat(d.productionOn()).isNull();
                assertThat(d.withdrawnOn()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(yesterday);
            }

            BigDecimal total = p.registered().totalInvestment();
            Map<Integer, BigDecimal> latest = new TreeMap<>();
            YearMonth before = null;
            for (HistoricalTimeline.Report r : p.reports()) {
                YearMonth period = r.period();
                assertThat(d.admittedOn()).as("先入库，后有数").isNotNull();
                assertThat(period).isAfterOrEqualTo(YearMonth.from(d.admittedOn())).isBeforeOrEqualTo(lastPeriod);
                assertThat(period.getMonthValue()).isNotEqualTo(1);
                if (before != null) {
                    assertThat(period).isAfter(before);
                }
                if (d.withdrawnOn() != null) {
                    assertThat(period.atEndOfMonth()).isBefore(d.withdrawnOn());
                }
                if (d.productionOn() != null) {
                    assertThat(period).isBeforeOrEqualTo(YearMonth.from(d.productionOn()));
                }
                assertThat(r.amount().signum()).isGreaterThanOrEqualTo(0);
                assertThat(r.amount()).isLessThanOrEqualTo(total);
                BigDecimal earlier = latest.get(period.getYear());
                if (earlier != null) {
                    assertThat(r.amount()).as("cumulative within %d", period.getYear()).isGreaterThanOrEqualTo(earlier);
                }
                assertThat(r.reason()).isNull();
                latest.put(period.getYear(), r.amount());
                before = period;
            }
            BigDecimal completed = latest.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(completed).as("completed investment of " + p.code()).isLessThanOrEqualTo(total);
        }
        // admitted projects report every month up to last month unless they left construction
        List<SyntheticProject> building = projects.stream().filter(p -> p.stage() == Stage.STARTED)
                .filter(p -> !YearMonth.from(p.dates().admittedOn()).isAfter(lastPeriod)).toList();
        assertThat(building).isNotEmpty().allSatisfy(p -> assertThat(p.reports()).isNotEmpty()
                .last().extracting(HistoricalTimeline.Report::period).isEqualTo(lastPeriod));
    }

    /**
     * 入库 or later and not withdrawn: a plan for each year with figures, 1.00–1.25 times what the year reaches
     * (this year, while building: 1-10月 extrapolated to twelve months), rounded up to 100万元; others none.
     */
    @Test
    void admittedProjectsPlanEachYearTheyReportInOthersPlanNothing() {
        YearMonth lastPeriod = generator.lastPeriod();
        Map<Stage, Integer> planned = new EnumMap<>(Stage.class);
        Set<Integer> percents = new HashSet<>();
        int extrapolated = 0;
        for (SyntheticProject p : projects) {
            Set<Stage> admitted = Set.of(Stage.ADMITTED, Stage.STARTED, Stage.IN_PRODUCTION);
            if (!admitted.contains(p.stage())) {
                assertThat(p.plans()).as("plans of %s (%s)", p.code(), p.stage()).isEmpty();
                assertThat(p.importBody().plans()).isNull();
                continue;
            }
            Map<Integer, HistoricalTimeline.Report> lastOfYear = new TreeMap<>();
            p.reports().forEach(r -> lastOfYear.put(r.period().getYear(), r));
            assertThat(p.plans()).extracting(HistoricalTimeline.Plan::year)
                    .containsExactlyElementsOf(lastOfYear.keySet());
            if (!p.plans().isEmpty()) {
                planned.merge(p.stage(), 1, Integer::sum);
            }
            int registered = LocalDate.ofInstant(p.dates().registeredAt(), Generator.ZONE).getYear();
            for (HistoricalTimeline.Plan plan : p.plans()) {
                assertThat(plan.year()).isGreaterThanOrEqualTo(registered).isLessThanOrEqualTo(lastPeriod.getYear());
                if (p.dates().productionOn() != null) {
                    assertThat(plan.year()).isLessThanOrEqualTo(p.dates().productionOn().getYear());
                }
                BigDecimal amount = plan.amount();
                assertThat(amount.signum()).isPositive();
                assertThat(amount.remainder(BigDecimal.valueOf(100)).signum()).as("in 100万元").isZero();
                HistoricalTimeline.Report last = lastOfYear.get(plan.year());
                BigDecimal reached = last.amount();
                if (p.dates().productionOn() == null && last.period().equals(lastPeriod)) {
                    reached = reached.multiply(BigDecimal.valueOf(12)).divide(
                            BigDecimal.valueOf(lastPeriod.getMonthValue()), 10, java.math.RoundingMode.HALF_UP);
                    extrapolated++;
                }
                // 100 × max(1, ⌈reached × percent / 10000⌉), percent in 100..125
                assertThat(amount).as("plan %d of %s", plan.year(), p.code())
                        .isGreaterThanOrEqualTo(reached).isGreaterThanOrEqualTo(BigDecimal.valueOf(100))
                        .isLessThanOrEqualTo(reached.multiply(new BigDecimal("1.25")).add(BigDecimal.valueOf(100)));
                if (reached.compareTo(BigDecimal.valueOf(100_000)) > 0) {
                    // large enough for the 100万元 rounding not to hide the percent
                    percents.add(amount.multiply(BigDecimal.valueOf(100)).divide(reached, 0,
                            java.math.RoundingMode.DOWN).intValue());
                }
            }
            assertThat(p.importBody().plans() == null ? List.of() : p.importBody().plans())
                    .extracting(SyntheticProject.ImportBody.Plan::year, SyntheticProject.ImportBody.Plan::amount)
                    .containsExactlyElementsOf(p.plans().stream()
                            .map(x -> org.assertj.core.groups.Tuple.tuple(x.year(), x.amount())).toList());
        }
        assertThat(planned.keySet()).containsExactlyInAnyOrder(Stage.ADMITTED, Stage.STARTED, Stage.IN_PRODUCTION);
        assertThat(extrapolated).isGreaterThan(1_000);
        assertThat(percents).as("the factor varies over 1.00–1.25").contains(100, 112, 124);
    }

    @Test
    void eventsComeInSequenceAndSatisfyTheirSchemas() throws Exception {
        Set<String> types = new HashSet<>();
        for (int i = 0; i < projects.size(); i++) {
            SyntheticProject p = projects.get(i);
            List<EventEnvelope> events = generator.envelopes(p);
            assertThat(events).hasSize(p.eventCount());
            assertThat(events.get(0).data()).isInstanceOf(ProjectRegistered.class);
            for (int k = 0; k < events.size(); k++) {
                EventEnvelope e = events.get(k);
                assertThat(e.sequence()).isEqualTo(k + 1);
                assertThat(e.subject()).isEqualTo(p.id().toString());
                assertThat(e.source()).isEqualTo("/project-service");
                if (k > 0) {
                    assertThat(e.time()).isAfterOrEqualTo(events.get(k - 1).time());
                }
                assertThat(e.time()).isBefore(generator.now());
                if (e.data() instanceof ProjectDeclared declared) {
                    assertThat(declared.historical()).isTrue();
                    assertThat(declared.project().stage()).isEqualTo(Stage.DECLARED);
                }
                if (e.data() instanceof ProjectAdmitted admitted) {
                    assertThat(admitted.approvalCaseId()).isEqualTo(HistoricalTimeline.approvalCaseId(p.code()));
                }
                if (e.data() instanceof InvestmentReported reported) {
                    assertThat(reported.previousAmount()).isNull();
                }
                if (e.data() instanceof PlanSet plan) {
                    assertThat(plan.previousAmount()).isNull();
                    assertThat(plan.reason()).isEqualTo(HistoricalTimeline.REASON);
                    // at 1 January of its year, or the registration when later
                    assertThat(e.time()).isEqualTo(Collections.max(List.of(p.dates().registeredAt(),
                            LocalDate.of(plan.year(), 1, 1).atStartOfDay(Generator.ZONE).toInstant())));
                }
                if (i < 3_000 || types.add(e.type())) {
                    // EventCodec.write checks the type's schema: the same bytes prove the bulk path's are valid
                    byte[] json = EVENTS.writeValueAsBytes(e);
                    assertThat(json).isEqualTo(EventCodec.writeBytes(e));
                    assertThat(EventCodec.read(json)).isEqualTo(e);
                }
            }
        }
        assertThat(types).contains("pipeline.project.registered.v1", "pipeline.project.declared.v1",
                "pipeline.project.admitted.v1", "pipeline.project.started.v1", "pipeline.project.in-production.v1",
                "pipeline.project.withdrawn.v1", "pipeline.project.investment-reported.v1",
                "pipeline.project.plan-set.v1");
    }

    @Test
    void aReferenceNamesTheLatestReport() {
        int found = 0;
        for (int i = 0; i < 200; i++) {
            SyntheticProject p = projects.get(i);
            var ref = generator.reference(i);
            assertThat(ref.isPresent()).isEqualTo(!p.reports().isEmpty());
            if (ref.isPresent()) {
                found++;
                HistoricalTimeline.Report last = p.reports().get(p.reports().size() - 1);
                assertThat(ref.get().id()).isEqualTo(p.id());
                assertThat(ref.get().code()).isEqualTo(p.code());
                assertThat(ref.get().district()).isEqualTo(p.district());
                assertThat(ref.get().period()).isEqualTo(last.period());
                assertThat(ref.get().amount()).isEqualTo(last.amount());
                assertThat(ref.get().events()).isEqualTo(p.eventCount());
            }
        }
        assertThat(found).isGreaterThan(100);
    }

    @Test
    void aMillionProjectsFitTheSerialsAndMoreAreRefused() {
        assertThat(generator.capacity()).isGreaterThanOrEqualTo(1_000_000);
        assertThatThrownBy(() -> generator.project(generator.capacity()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Load.run(generator, generator.capacity() - 10, 20, 1, new NoSink(generator), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
