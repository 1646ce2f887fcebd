package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.Codes;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.HistoricalTimeline;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.seeds.synthetic.Catalog.Chain;
import cn.zz.pipeline.seeds.synthetic.Catalog.District;
import cn.zz.pipeline.seeds.synthetic.Catalog.Industry;
import cn.zz.pipeline.seeds.synthetic.Catalog.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Synthetic projects for benchmarks and scale tests: project {@code i} is a pure function of (seed, today, i), so
 * any slice can be generated on its own and in parallel, and the same arguments give byte-identical events.
 *
 * <p>District, final stage, registration year and serial come from the {@link SlotTable}, which keeps project codes
 * unique without a shared counter; everything else is drawn from the project's own random stream, and the monthly
 * reports and annual plans follow its {@link InvestmentCurve}.
 *
 * <p>"today" is the day the data is as of: stage dates are at most yesterday, reports cover complete months only
 * (periods up to last month), so nothing is in the future for the service on that day or later.
 */
public final class Generator {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The events are project-service's: same source as its outbox. */
    public static final String SOURCE = "/project-service";
    /** The importing user of the historical import (the api sink logs in as admin). */
    public static final String ACTOR = "admin";
    /** Department code (DD) of the project codes: 01, as project-service registers them. */
    static final String DEPARTMENT = "01";
    /** The stage a withdrawn project left: mostly from the reserve pool. */
    private static final double[] WITHDRAWN_FROM = Rng.cumulative(0.45, 0.25, 0.15, 0.15);

    private static final long PROJECT = 1;
    private static final long PROJECT_ID = 2;
    private static final long EVENT_ID = 1000; // + sequence

    private final long seed;
    private final LocalDate today;
    private final LocalDate lastDay;
    private final YearMonth lastPeriod;
    private final Instant now;
    private final SlotTable slots;
    private final InvestmentCurve curve;

    /** @param today the day the data is as of, in Asia/Shanghai */
    public Generator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
        this.lastDay = today.minusDays(1);
        this.lastPeriod = YearMonth.from(today).minusMonths(1);
        this.now = today.atStartOfDay(ZONE).toInstant();
        this.slots = new SlotTable(seed, lastDay);
        this.curve = new InvestmentCurve(lastDay, lastPeriod);
    }

    public long seed() {
        return seed;
    }

    public LocalDate today() {
        return today;
    }

    /** The "now" of the import: 00:00 of today. */
    public Instant now() {
        return now;
    }

    /** The latest period with reports: last month. */
    public YearMonth lastPeriod() {
        return lastPeriod;
    }

    /** How many projects fit before a (district, year) runs out of 5-digit serials. */
    public long capacity() {
        return slots.capacity();
    }

    // ---- one project ----

    public SyntheticProject project(long index) {
        SlotTable.Slot slot = slots.slot(index);
        Rng r = new Rng(seed, index, PROJECT);
        int age = slots.registrationAge(r, slot.stage(), slot.year());
        return build(index, r, Catalog.DISTRICTS[slot.district()], slot.stage(), slots.firstYear() + slot.year(), age,
                slot.serial());
    }

    /** Every draw comes from the project's own stream: nothing but (seed, today, index) decides the project. */
    private SyntheticProject build(long index, Rng r, District district, int stageIndex, int year, int age,
                                   int serial) {
        Stage stage = SlotTable.STAGES[stageIndex];
        LocalDate registered = lastDay.minusDays(age);
        Instant registeredAt = registered.atTime(8, 30).plusMinutes(r.nextInt(540)).plusSeconds(r.nextInt(60))
                .atZone(ZONE).toInstant();

        // what is built
        Chain chain = null;
        Industry industry;
        if (r.chance(0.7)) {
            chain = district.chains()[r.pick(district.chainWeights())];
            industry = r.of(chain.industries());
        } else {
            industry = Catalog.OUTSIDE_CHAINS[r.pick(Catalog.OUTSIDE_CHAINS_CUMULATIVE)];
        }
        Kind kind = industry.kind();
        String type = "01";
        ConstructionType construction = ConstructionType.NEW;
        double u = r.nextDouble();
        double v = r.nextDouble();
        switch (kind) {
            case MANUFACTURING -> {
                if (u < 0.30) { // 技改: about a third of industrial projects
                    type = "02";
                    construction = v < 0.8 ? ConstructionType.RENOVATION : ConstructionType.EXPANSION;
                } else if (u < 0.34) {
                    type = "03";
                    construction = ConstructionType.PURCHASE;
                } else {
                    construction = v < 0.8 ? ConstructionType.NEW : ConstructionType.EXPANSION;
                }
            }
            case UTILITY -> {
                if (u < 0.3) {
                    type = "02";
                    construction = ConstructionType.RENOVATION;
                }
            }
            case SERVICE -> {
                if (industry.code().startsWith("I65") && u < 0.5) {
                    type = "04";
                } else if (v >= 0.8) {
                    construction = ConstructionType.EXPANSION;
                }
            }
            case INFRASTRUCTURE -> {
                type = u < 0.03 ? "99" : "01";
                construction = v < 0.75 ? ConstructionType.NEW
                        : v < 0.9 ? ConstructionType.EXPANSION : ConstructionType.RENOVATION;
            }
            case PUBLIC -> construction = v < 0.7 ? ConstructionType.NEW : ConstructionType.EXPANSION;
            default -> {
            }
        }

        // size: log-normal over the 500万元 floor, median a few 千万, a heavy tail of 10亿+
        double factor = switch (kind) {
            case MANUFACTURING -> "02".equals(type) ? 0.6 : "03".equals(type) ? 0.35 : 1.2;
            case UTILITY -> 1.5;
            case SERVICE -> 0.9;
            case INFRASTRUCTURE -> 1.4;
            case REAL_ESTATE -> 3.0;
            case PUBLIC -> 1.2;
            case AGRICULTURE -> 0.4;
        };
        long total = Math.min(3_000_000L, Math.round(500 + factor * r.logNormal(3000, 1.4)));

        // land: industrial land projects mostly pass the 亩均 screen (投资强度 >= 400万元/亩)
        boolean takesNewLand = false;
        BigDecimal landArea = null;
        double landDraw = r.nextDouble();
        double perMu = r.logNormal(620, 0.3);
        double otherPerMu = kind == Kind.AGRICULTURE ? r.uniform(5, 30) : r.uniform(150, 900);
        if (industry.industrial()) {
            if ("01".equals(type) && total >= 2000 && landDraw < 0.85) {
                takesNewLand = true;
                landArea = tenths(Math.max(10, (long) Math.floor(total * 10 / perMu)));
            }
        } else if (construction == ConstructionType.NEW && landDraw < 0.6) {
            takesNewLand = true;
            landArea = tenths(Math.max(10, (long) Math.floor(total * 10 / otherPerMu)));
        }

        // expected output and tax
        double outputRatio = switch (kind) {
            case MANUFACTURING, UTILITY -> r.logNormal(1.4, 0.35);
            case SERVICE -> r.uniform(0.15, 0.6);
            case REAL_ESTATE -> r.uniform(1.0, 1.4);
            case AGRICULTURE -> r.uniform(0.3, 0.8);
            case INFRASTRUCTURE, PUBLIC -> r.uniform(0, 0.05);
        };
        long output = Math.round(total * outputRatio);
        double taxRate = r.uniform(0.04, 0.08);
        BigDecimal annualTax = switch (kind) {
            case MANUFACTURING, UTILITY, SERVICE, REAL_ESTATE -> BigDecimal.valueOf(Math.round(output * taxRate));
            default -> null;
        };

        EiaCategory eia = eia(r.nextDouble(), kind, type, chain);
        boolean state = "安置房".equals(industry.product());
        double privateShare = switch (kind) {
            case MANUFACTURING -> 0.8;
            case UTILITY -> 0.4;
            case SERVICE -> 0.8;
            case REAL_ESTATE -> state ? 0 : 0.9;
            case AGRICULTURE -> 0.75;
            case INFRASTRUCTURE -> 0.08;
            case PUBLIC -> 0.03;
        };
        boolean privateInvestment = r.chance(privateShare);

        // who and what
        String brand = r.of(Catalog.TRADE_SYLLABLES) + r.of(Catalog.TRADE_SYLLABLES);
        String ownerName = privateInvestment
                ? (r.chance(0.6) ? "河南" : "郑州") + brand + industry.ownerWord()
                        + (r.chance(0.2) ? "股份有限公司" : "有限公司")
                : district.name() + brand + industry.ownerWord() + "发展有限公司";
        String creditCode = creditCode(index, district.code());
        String suffix = switch (type) {
            case "02" -> r.chance(0.5) ? "智能化技术改造项目" : "技术改造项目";
            case "03" -> "设备购置项目";
            case "04" -> "信息化建设项目";
            default -> construction == ConstructionType.EXPANSION ? "扩建项目" : "项目";
        };
        boolean publicWorks = kind == Kind.INFRASTRUCTURE || kind == Kind.PUBLIC;
        String name = (publicWorks ? district.name() : "") + brand + industry.product()
                + (publicWorks && "项目".equals(suffix) ? "工程" : suffix) + (r.chance(0.15) ? "（二期）" : "");
        double parkShare = chain == null ? 0.1 : kind == Kind.MANUFACTURING ? 0.8 : 0.3;
        String park = r.chance(parkShare) ? r.of(district.parks()) : null;
        String code = Codes.projectCode(year, district.code(), DEPARTMENT, type, serial);

        // history: gaps between the stages, squeezed to fit between registration and yesterday
        int declareGap = r.days(20, 0.9, 0, 365);
        int approvalGap = r.days(25, 0.5, 3, 240);
        int startGap = r.days(35, 0.9, 0, 365);
        int months = (int) Math.max(4, Math.min(48,
                StrictMath.round(6 + 4.5 * StrictMath.log10(total / 500.0) + 3 * r.gaussian())));
        int productionGap = (int) StrictMath.round(months * 30.44 * r.uniform(0.9, 1.4));
        int withdrawGap = r.days(90, 0.8, 1, 720);
        LocalDate plannedStart = registered.plusDays(declareGap + approvalGap + startGap + r.nextInt(41) - 20);
        boolean onSchedule = r.chance(0.8);
        int spare = 1 + r.nextInt(12);
        if (stage == Stage.STARTED && onSchedule && plannedStart.plusMonths(months).isBefore(lastDay)) {
            // most projects under construction are not overdue yet: their plan runs past today
            months = (int) ChronoUnit.MONTHS.between(plannedStart, lastDay) + spare;
        }
        LocalDate plannedProduction = plannedStart.plusMonths(months);
        Stage reached = stage == Stage.WITHDRAWN ? SlotTable.STAGES[r.pick(WITHDRAWN_FROM)] : stage;
        int steps = reached.ordinal() + (stage == Stage.WITHDRAWN ? 1 : 0);
        int[] all = {declareGap, approvalGap, startGap, productionGap};
        int[] gaps = new int[steps];
        long sum = 0;
        for (int g = 0; g < steps; g++) {
            gaps[g] = g < reached.ordinal() ? all[g] : withdrawGap;
            sum += gaps[g];
        }
        long room = lastDay.toEpochDay() - registered.toEpochDay();
        if (sum > room) {
            for (int g = 0; g < steps; g++) {
                gaps[g] = (int) (gaps[g] * room / sum);
            }
        }
        LocalDate[] stageDates = new LocalDate[5]; // declared, admitted, started, production, withdrawn
        LocalDate at = registered;
        for (int g = 0; g < steps; g++) {
            at = at.plusDays(gaps[g]);
            stageDates[g < reached.ordinal() ? g : 4] = at;
        }
        HistoricalTimeline.Dates dates = new HistoricalTimeline.Dates(registeredAt, stageDates[0], stageDates[1],
                stageDates[2], stageDates[3], stageDates[4]);

        double preShare = r.uniform(0.02, 0.08);
        double finalShare = r.uniform(0.85, 1.0);
        int overrun = 30 + r.nextInt(300);
        List<HistoricalTimeline.Report> reports = curve.reports(dates, stage, total, preShare, finalShare,
                plannedProduction, overrun);

        // 入库 or later and not withdrawn: a plan for each year with figures (drawn last: nothing above changes)
        List<HistoricalTimeline.Plan> plans = stage == Stage.ADMITTED || stage == Stage.STARTED
                || stage == Stage.IN_PRODUCTION ? curve.plans(reports, dates.productionOn() == null, r) : List.of();

        UUID id = Rng.uuid(seed, index, PROJECT_ID);
        ProjectSnapshot snapshot = new ProjectSnapshot(id, code, name, ownerName, creditCode, district.code(), park,
                chain == null ? null : chain.name(), industry.code(), Sector.ofIndustry(industry.code()), construction,
                type, BigDecimal.valueOf(total), landArea, BigDecimal.valueOf(output), annualTax, takesNewLand, eia,
                privateInvestment, plannedStart, plannedProduction, Stage.RESERVE, null, List.of());
        return new SyntheticProject(index, snapshot, dates, reports, plans);
    }

    private static EiaCategory eia(double u, Kind kind, String type, Chain chain) {
        return switch (kind) {
            case MANUFACTURING, UTILITY -> {
                if ("02".equals(type)) {
                    yield u < 0.5 ? EiaCategory.REPORT_FORM : u < 0.9 ? EiaCategory.REGISTRATION : null;
                }
                if ("03".equals(type)) {
                    yield u < 0.6 ? EiaCategory.REGISTRATION : null;
                }
                boolean heavy = chain == Catalog.MATERIALS || chain == Catalog.BUILDING_MATERIALS
                        || chain == Catalog.BIOMEDICINE;
                double report = heavy ? 0.5 : 0.15;
                yield u < report ? EiaCategory.REPORT : u < (heavy ? 1.0 : 0.8) ? EiaCategory.REPORT_FORM
                        : EiaCategory.REGISTRATION;
            }
            case INFRASTRUCTURE -> u < 0.1 ? EiaCategory.REPORT : u < 0.6 ? EiaCategory.REPORT_FORM
                    : u < 0.9 ? EiaCategory.REGISTRATION : null;
            case AGRICULTURE -> u < 0.5 ? EiaCategory.REGISTRATION : null;
            default -> u < 0.2 ? EiaCategory.REPORT_FORM : u < 0.8 ? EiaCategory.REGISTRATION : null;
        };
    }

    /** An amount in 0.1 万元 as a decimal of 万元. */
    static BigDecimal tenths(long tenths) {
        return BigDecimal.valueOf(tenths, 1);
    }

    /**
     * 统一社会信用代码: 9 (registered with market regulation), 1 (enterprise), the district, a 9-character
     * organisation code (8 characters unique per project index, then its GB 11714 check character) and the check
     * character of GB 32100.
     */
    private String creditCode(long index, String district) {
        final long space = 852_891_037_441L; // 31^8
        // index × an odd multiplier not divisible by 31 is a bijection modulo 31^8: unique per index
        long v = (Math.floorMod(Rng.mix(seed), space) + index * 0x2545F491L % space) % space;
        char[] org = new char[9];
        int sum = 0;
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        for (int i = 7; i >= 0; i--) {
            org[i] = Codes.CREDIT_ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        for (int i = 0; i < 8; i++) {
            char ch = org[i];
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * weights[i];
        }
        int check = 11 - sum % 11;
        org[8] = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        String first17 = "91" + district + new String(org);
        return first17 + Codes.creditCodeCheck(first17);
    }

    // ---- events ----

    /** The project's events as the historical import emits them (HistoricalTimeline), sequence 1..n. */
    public List<HistoricalTimeline.Event> events(SyntheticProject p) {
        return HistoricalTimeline.events(p.registered(), p.dates(),
                HistoricalTimeline.approvalCaseId(p.code()), p.reports(), p.plans(), ACTOR, now, ZONE);
    }

    /** The events in CloudEvents envelopes; event ids derive from (seed, index, sequence), so reruns repeat them. */
    public List<EventEnvelope> envelopes(SyntheticProject p) {
        List<HistoricalTimeline.Event> events = events(p);
        List<EventEnvelope> out = new ArrayList<>(events.size());
        String subject = p.id().toString();
        for (HistoricalTimeline.Event e : events) {
            out.add(new EventEnvelope(EventEnvelope.SPEC_VERSION, Rng.uuid(seed, p.index(), EVENT_ID + e.sequence()),
                    SOURCE, EventType.of(e.payload().getClass()).type(), subject, e.time(),
                    EventEnvelope.DATA_CONTENT_TYPE, e.sequence(), e.payload()));
        }
        return out;
    }

    // ---- for benchmarks ----

    /**
     * What a benchmark needs to correct a loaded project's figure: the project, its latest report (period and
     * amount) and its number of events (its last sequence). Empty when the project has no report.
     */
    public record Reference(UUID id, String code, String district, YearMonth period, BigDecimal amount,
                            int events) {
    }

    public Optional<Reference> reference(long index) {
        SyntheticProject p = project(index);
        if (p.reports().isEmpty()) {
            return Optional.empty();
        }
        HistoricalTimeline.Report last = p.reports().get(p.reports().size() - 1);
        return Optional.of(new Reference(p.id(), p.code(), p.district(), last.period(), last.amount(),
                p.eventCount()));
    }
}
