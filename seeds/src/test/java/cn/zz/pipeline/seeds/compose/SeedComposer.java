package cn.zz.pipeline.seeds.compose;

import cn.zz.pipeline.events.Codes;
import cn.zz.pipeline.events.Industry;
import cn.zz.pipeline.seeds.Csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Wrote the first version of {@code seeds/data/projects.csv}, {@code reports.csv}, {@code approvals.csv} and
 * {@code problems.csv}: the named projects of the documents with the facts the documents give, and further projects
 * in every district whose monthly reports add up exactly to the district targets below, so that the reports read
 * what the bulletins say (上街区 2025年1-6月 29.6亿元 +16.5%, 六区第一、全市第二; 先进制造业开发区 2024年1-6月 技改投资
 * 8.66亿元 +35.2%, over 70% of its industrial investment). Deterministic: the same code writes the same files.
 * Rerunning it overwrites hand edits of those four files; small changes are better made in the files themselves.
 *
 * <p>Usage: {@code java -cp "seeds/target/seeds.jar:seeds/target/lib/*" cn.zz.pipeline.seeds.compose.SeedComposer
 * seeds/data}
 */
public final class SeedComposer {

    static final String SHANGJIE = "410106";
    static final String XINZHENG = "410184";
    static final String KAIFAQU = "上街区先进制造业开发区";
    static final String HANGKONG = "郑州通用航空试验区";
    static final String DIANZI = "新郑市电子信息产业园";
    static final int[] YEARS = {2023, 2024, 2025, 2026};
    /** The month whose figure each year's target fixes: 1-6月 for the bulletins' years, 1-10月 for this year. */
    static final Map<Integer, Integer> REFERENCE_MONTH = Map.of(2023, 6, 2024, 6, 2025, 6, 2026, 10);
    /** The last month reported in 2026: the latest complete month when the seeds were written. */
    static final int LAST_2026 = 10;
    /**
     * The districts where one project is late with its 1-10月 2026 figure (its latest is 1-9月, which carries
     * forward, so the district totals stay exact): the 未报清单 of the seeds' latest period is not empty.
     */
    static final List<String> LATE_2026 = List.of("410106", "410122", "410183");
    /** Cumulative share of a year's investment by the end of month m (index m; an S-curve of construction). */
    static final double[] CURVE = {0, 0.06, 0.12, 0.20, 0.29, 0.38, 0.47, 0.56, 0.65, 0.74, 0.83, 0.91, 1.0};

    /** District YTD targets in 万元 at the reference month: 2023..2026. */
    static final Map<String, long[]> TARGETS = new LinkedHashMap<>();
    static final Map<String, String> SHORT = new LinkedHashMap<>();

    static {
        // code, short name, 2023 H1, 2024 H1, 2025 H1, 2026 1-10 (万元)
        district("410102", "中原", 648_000, 713_100, 782_900, 1_265_000);  // 2025 +9.8%
        district("410103", "二七", 571_000, 614_500, 652_000, 1_012_000);  // +6.1%
        district("410104", "管城", 498_500, 524_500, 589_000, 970_300);    // +12.3%
        district("410105", "金水", 1_002_000, 954_500, 923_950, 1_488_000); // −3.2%
        district(SHANGJIE, "上街", 231_000, 254_100, 296_030, 482_600);    // +16.5%: 六区第一、全市第二
        district("410108", "惠济", 371_000, 399_000, 416_955, 655_200);    // +4.5%
        district("410122", "中牟", 744_000, 815_100, 886_000, 1_402_500);  // +8.7%
        district("410171", "航空港", 1_486_000, 1_631_900, 1_862_000, 2_931_000); // +14.1%
        district("410172", "经开", 1_021_500, 1_104_300, 1_217_000, 1_920_400); // +10.2%
        district("410173", "高新", 768_000, 845_600, 975_000, 1_598_000);  // +15.3%
        district("410181", "巩义", 652_000, 677_800, 713_050, 1_104_000);  // +5.2%
        district("410182", "荥阳", 533_500, 572_700, 638_000, 1_041_500);  // +11.4%
        district("410183", "新密", 549_000, 530_550, 521_000, 818_800);    // −1.8%
        district(XINZHENG, "新郑", 857_000, 946_150, 1_125_000, 1_866_000); // +18.9%: 全市第一
        district("410185", "登封", 359_000, 374_300, 384_000, 596_100);    // +2.6%
    }

    private static void district(String code, String name, long y2023, long y2024, long y2025, long y2026) {
        SHORT.put(code, name);
        TARGETS.put(code, new long[] {y2023, y2024, y2025, y2026});
    }

    /** 先进制造业开发区 技改 (industrial, project type 02) targets: 2024 1-6月 8.66亿元 = 2023 1-6月 × 1.352. */
    static final Map<Integer, Long> KAIFAQU_TECH_REFORM = Map.of(2023, 64_053L, 2024, 86_600L, 2025, 97_300L,
            2026, 151_800L);

    /** A line of business of the further projects: industry code, what the project builds, chain, 技改 or not. */
    record Theme(String industry, String noun, String chain, boolean privateLikely) {

        boolean industrial() {
            return Industry.industrial(industry);
        }
    }

    static final Map<String, List<Theme>> THEMES = new HashMap<>();

    static {
        Theme appliance = new Theme("C3851", "智能家电零部件生产线", "智能家电", true);
        Theme compressor = new Theme("C3464", "变频压缩机及制冷配件", "智能家电", true);
        Theme alloy = new Theme("C3240", "高性能合金材料生产线", "先进材料", true);
        Theme superhard = new Theme("C3099", "超硬材料制品", "先进材料", true);
        Theme valve = new Theme("C3443", "智能阀门及流体控制装备", "高端装备", true);
        Theme machine = new Theme("C3421", "数控机床及精密部件", "高端装备", true);
        Theme chip = new Theme("C3973", "集成电路封装测试", "电子信息", true);
        Theme display = new Theme("C3974", "新型显示模组", "电子信息", true);
        Theme circuit = new Theme("C3982", "柔性电路板", "电子信息", true);
        Theme auto = new Theme("C3670", "新能源汽车零部件", "新能源汽车", true);
        Theme battery = new Theme("C3841", "动力电池及储能", "新能源汽车", true);
        Theme food = new Theme("C1495", "现代食品加工基地", "现代食品", true);
        Theme pharma = new Theme("C2761", "生物医药产业化", "生物医药", true);
        Theme refractory = new Theme("C3089", "新型耐火材料", "先进材料", true);
        Theme solar = new Theme("D4416", "分布式光伏发电", null, false);
        Theme road = new Theme("E4812", "市政道路提升工程", null, false);
        Theme logistics = new Theme("G5990", "智慧仓储物流园", null, true);
        Theme municipal = new Theme("N7810", "城市更新及市政设施", null, false);
        Theme water = new Theme("N7721", "水环境综合治理", null, false);
        Theme network = new Theme("I6410", "数据中心及5G网络", null, true);
        Theme housing = new Theme("K7010", "保障性住房及城市更新片区", null, true);
        Theme research = new Theme("M7320", "研发中试基地", null, true);
        Theme hospital = new Theme("Q8411", "医院新院区", null, false);
        Theme school = new Theme("P8334", "中学新校区", null, false);
        Theme aviation = new Theme("G5631", "通用航空运营保障基地", null, true);
        // 上街's general projects take the last four (none industrial), see theme()
        List<Theme> common = List.of(solar, road, logistics, municipal, water, housing, research, hospital, school);
        themes(SHANGJIE, common, appliance, compressor, alloy, superhard, valve, aviation, aviation);
        themes(XINZHENG, common, chip, display, circuit, chip, food, logistics);
        themes("410102", common, research, network, pharma, housing);
        themes("410103", common, research, housing, food, logistics);
        themes("410104", common, logistics, food, housing, research);
        themes("410105", common, network, research, housing, hospital);
        themes("410108", common, food, research, housing, logistics);
        themes("410122", common, auto, battery, food, logistics);
        themes("410171", common, chip, display, circuit, auto, logistics, logistics);
        themes("410172", common, auto, battery, machine, logistics);
        themes("410173", common, chip, network, research, pharma);
        themes("410181", common, alloy, refractory, machine, solar);
        themes("410182", common, machine, food, alloy, logistics);
        themes("410183", common, refractory, alloy, machine, solar);
        themes("410185", common, refractory, solar, food, research);
    }

    private static void themes(String district, List<Theme> common, Theme... own) {
        List<Theme> all = new ArrayList<>(List.of(own));
        all.addAll(List.of(own)); // the district's own industries twice as often as the common ones
        all.addAll(common);
        THEMES.put(district, all);
    }

    static final String[] FIRM_WORDS = {"恒达", "华盛", "中州", "宏图", "鑫源", "金瑞", "博远", "嘉禾", "天润", "正元", "隆泰",
        "远景", "瑞丰", "汇通", "豫发", "海纳", "新航", "启明", "长兴", "康达", "同创", "盛和", "德润", "安泰", "万邦", "景泰"};

    private final Random random = new Random(20_251_121L);
    private final Map<String, Integer> serials = new HashMap<>();
    private final List<Project> projects = new ArrayList<>();
    private final List<List<?>> approvals = new ArrayList<>();
    private final List<List<?>> problems = new ArrayList<>();

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "seeds/data");
        new SeedComposer().compose().write(dir);
    }

    SeedComposer compose() {
        Named.all().forEach(this::add);
        for (String d : TARGETS.keySet()) {
            fillers(d);
        }
        reserves();
        live();
        lateReporters();
        allocate();
        problems();
        return this;
    }

    // ---- projects ----

    /** One project of the seeds: its facts, its dates, and the cumulative figures per year (index = month). */
    static final class Project {
        String code;
        String name;
        String owner;
        String credit;
        String district;
        String park;
        String chain;
        String industry;
        String constructionType;
        String projectType;
        long total;
        BigDecimal landArea;
        long output;
        long tax;
        boolean newLand;
        String eia;
        boolean privateInvestment;
        LocalDate plannedStart;
        LocalDate plannedProduction;
        LocalDateTime registeredAt;
        LocalDate declaredOn;
        LocalDate admittedOn;
        LocalDate startedOn;
        LocalDate productionOn;
        LocalDate withdrawnOn;
        boolean liveDeclaration;
        String leader;
        String taskForce;
        String note;
        /** Named projects: anchor figures per year (month → cumulative), interpolated linearly in between. */
        final Map<Integer, TreeMap<Integer, Long>> anchors = new TreeMap<>();
        /** Further projects: the family whose target they fill, and the years they report in. */
        String family;
        int cohort;
        double weight;
        /** Reports 2026 up to 1-9月 only: missing from 1-10月 on (see {@link #LATE_2026}). */
        boolean late2026;
        final Map<Integer, long[]> figures = new TreeMap<>();

        boolean reportsIn(int year) {
            if (!anchors.isEmpty()) {
                return anchors.containsKey(year);
            }
            return family != null && (year == cohort || year == cohort + 1) && year >= 2023;
        }
    }

    void add(Project p) {
        if (p.code == null) {
            int year = p.registeredAt.getYear();
            String key = year + "-" + p.district;
            int serial = serials.merge(key, 1, Integer::sum);
            p.code = Codes.projectCode(year, p.district, "01", p.projectType, serial);
        }
        if (p.credit == null) {
            p.credit = credit(p.district);
        }
        projects.add(p);
    }

    String credit(String district) {
        StringBuilder b = new StringBuilder("91").append(district);
        for (int i = 0; i < 9; i++) {
            b.append(Codes.CREDIT_ALPHABET.charAt(random.nextInt(Codes.CREDIT_ALPHABET.length())));
        }
        return b.append(Codes.creditCodeCheck(b.toString())).toString();
    }

    private LocalDate day(int year, int month, int from, int to) {
        return LocalDate.of(year, month, from + random.nextInt(to - from + 1));
    }

    /** Further projects of a district: 5 cohorts (admitted 2022..2026), each reporting in its year and the next. */
    private void fillers(String district) {
        boolean shangjie = district.equals(SHANGJIE);
        int perCohort = shangjie ? 4 : 5;
        for (int cohort = 2022; cohort <= 2026; cohort++) {
            for (int i = 0; i < perCohort; i++) {
                add(filler(district, "G", cohort, theme(district), null));
            }
            if (shangjie) {
                // "30余家企业进行技术改造": the park's 技改 projects, a dozen starting each year
                for (int i = 0; i < 12; i++) {
                    Theme t = List.of(THEMES.get(SHANGJIE).get(0), THEMES.get(SHANGJIE).get(1),
                            THEMES.get(SHANGJIE).get(2), THEMES.get(SHANGJIE).get(3), THEMES.get(SHANGJIE).get(4))
                            .get(random.nextInt(5));
                    add(filler(district, "TR", cohort, t, KAIFAQU));
                }
            }
        }
    }

    private Theme theme(String district) {
        List<Theme> list = THEMES.get(district);
        Theme t = list.get(random.nextInt(list.size()));
        // 上街's general projects stay out of the park's industry: the park's 工业 figure is its 技改 plus the named
        if (district.equals(SHANGJIE) && t.industrial()) {
            return THEMES.get(SHANGJIE).get(THEMES.get(SHANGJIE).size() - 1 - random.nextInt(4));
        }
        return t;
    }

    private Project filler(String district, String family, int cohort, Theme t, String park) {
        Project p = new Project();
        boolean techReform = family.equals("TR");
        p.family = family;
        p.cohort = cohort;
        p.weight = Math.exp(random.nextGaussian() * 0.6);
        p.district = district;
        p.industry = t.industry();
        p.chain = t.chain();
        p.park = park != null ? park : t.industry().equals("G5631") ? HANGKONG : null;
        String firm = FIRM_WORDS[random.nextInt(FIRM_WORDS.length)];
        String place = SHORT.get(district);
        if (techReform) {
            p.owner = "郑州" + firm + noun(t) + "有限公司";
            p.name = p.owner.replace("有限公司", "") + "智能化绿色化技术改造项目";
            p.constructionType = "RENOVATION";
            p.projectType = "02";
            p.newLand = false;
        } else {
            boolean publicWorks = !t.privateLikely();
            p.owner = publicWorks ? "郑州市" + place + "区城市建设投资有限公司".replace("区区", "区")
                    : "河南" + firm + noun(t) + "有限公司";
            p.name = place + (publicWorks ? "" : firm) + t.noun() + "项目" + (cohort - 2021 > 1 ? "（" + cohortWord(cohort)
                    + "）" : "");
            p.constructionType = random.nextInt(5) == 0 ? "EXPANSION" : "NEW";
            p.projectType = t.industry().startsWith("I") ? "04" : "01";
            p.newLand = t.industrial() || t.industry().startsWith("G") || t.industry().startsWith("K");
        }
        p.privateInvestment = t.privateLikely() && random.nextInt(10) < 8;
        p.eia = t.industrial() ? (random.nextInt(3) == 0 ? "REPORT" : "REPORT_FORM")
                : random.nextBoolean() ? "REGISTRATION" : "REPORT_FORM";
        int admitMonth = 2 + random.nextInt(3);
        p.admittedOn = day(cohort, admitMonth, 5, 25);
        p.declaredOn = p.admittedOn.minusDays(20 + random.nextInt(25));
        LocalDate registered = p.declaredOn.minusDays(30 + random.nextInt(120));
        p.registeredAt = registered.atTime(9 + random.nextInt(8), random.nextInt(60));
        p.startedOn = p.admittedOn.plusDays(10 + random.nextInt(50));
        p.plannedStart = p.startedOn.minusDays(random.nextInt(30));
        p.plannedProduction = LocalDate.of(cohort + 2, 3 + random.nextInt(8), 28);
        boolean early = cohort <= 2023 || cohort == 2024 && random.nextBoolean();
        if (early || cohort == 2024) {
            // Into production in the last year it reports (its year and the next): a project owes monthly figures
            // through the year it goes into production (docs/plans.md), so none is left owing a year it has no
            // figures for. The draws stay those of the first version, so everything else composes as before.
            int month = early ? 3 + random.nextInt(cohort == 2024 ? 6 : 8) : 12;
            int day = early ? 10 + random.nextInt(15) : 15;
            p.productionOn = LocalDate.of(cohort + 1, Math.min(12, month + 4), day);
            p.plannedProduction = p.productionOn.withDayOfMonth(28);
        }
        if (cohort == 2026 && random.nextInt(3) == 0 || p.startedOn.isAfter(LocalDate.of(2026, 11, 1))) {
            p.startedOn = null; // admitted, not started yet
        }
        return p;
    }

    private static String cohortWord(int cohort) {
        return switch (cohort) {
            case 2023 -> "二期";
            case 2024 -> "三期";
            case 2025 -> "四期";
            default -> "五期";
        };
    }

    private static String noun(Theme t) {
        return switch (t.industry().substring(0, 3)) {
            case "C38" -> "电器";
            case "C34" -> "机械";
            case "C32" -> "合金";
            case "C30" -> "新材料";
            case "C39" -> "电子科技";
            case "C36" -> "汽车部件";
            case "C14" -> "食品";
            case "C27" -> "生物医药";
            case "D44" -> "新能源";
            case "G59", "G56" -> "物流";
            case "I64" -> "数字科技";
            case "K70" -> "置业";
            case "M73" -> "科技";
            default -> "实业";
        };
    }

    /** 储备 projects (no stage yet) and a few withdrawn ones in every district. */
    private void reserves() {
        for (String d : TARGETS.keySet()) {
            for (int i = 0; i < 2; i++) {
                Theme t = theme(d);
                Project p = bare(d, t, LocalDate.of(2026, 3 + random.nextInt(7), 1 + random.nextInt(27)));
                p.name = SHORT.get(d) + FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + t.noun() + "储备项目";
                add(p);
            }
            Theme t = theme(d);
            Project w = bare(d, t, LocalDate.of(2025, 4 + random.nextInt(4), 3 + random.nextInt(20)));
            w.name = SHORT.get(d) + FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + t.noun() + "项目（已撤销）";
            w.declaredOn = w.registeredAt.toLocalDate().plusDays(40);
            w.withdrawnOn = w.declaredOn.plusDays(75);
            w.note = "申报后企业投资计划调整，撤销";
            add(w);
        }
    }

    private Project bare(String d, Theme t, LocalDate registered) {
        Project p = new Project();
        p.district = d;
        p.industry = t.industry();
        p.chain = t.chain();
        p.owner = "郑州" + FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + noun(t) + "有限公司";
        p.constructionType = "NEW";
        p.projectType = "01";
        p.newLand = t.industrial();
        p.eia = t.industrial() ? "REPORT_FORM" : "REGISTRATION";
        p.privateInvestment = t.privateLikely();
        p.registeredAt = registered.atTime(10, 0);
        p.plannedStart = registered.plusMonths(6).withDayOfMonth(1);
        p.plannedProduction = p.plannedStart.plusYears(2);
        p.total = 3_000 + 500L * random.nextInt(80);
        facts(p);
        return p;
    }

    /** Land, output and tax that pass the 亩均 screen (400 / 500 / 30 万元 per 亩) with some margin. */
    private void facts(Project p) {
        if (p.newLand) {
            double intensity = 420 + random.nextInt(500);
            p.landArea = BigDecimal.valueOf(p.total / intensity).setScale(1, RoundingMode.HALF_UP)
                    .max(BigDecimal.ONE);
            p.output = Math.round(p.landArea.doubleValue() * (560 + random.nextInt(900)));
            p.tax = Math.round(p.landArea.doubleValue() * (34 + random.nextInt(40)));
        } else {
            p.output = Math.round(p.total * (0.8 + random.nextDouble()));
            p.tax = Math.round(p.output * 0.05);
        }
    }

    /**
     * Projects whose declaration goes through the live API, so that approval-service opens their cases; the
     * approvals file then decides some of the tasks (approved, rejected, returned, left pending, overdue).
     */
    private void live() {
        // 上街 and 新郑 (the demo staff's districts) each get an approved case and one overdue
        String[] districts = {SHANGJIE, "410122", XINZHENG, XINZHENG, "410102", "410104", SHANGJIE, "410171",
            "410172", "410173", "410181", "410182", "410183", "410185", "410105", "410108"};
        LocalDate[] declared = {LocalDate.of(2026, 8, 24), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 14),
            LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 12),
            LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 23),
            LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 17),
            LocalDate.of(2026, 11, 18)};
        for (int i = 0; i < districts.length; i++) {
            String d = districts[i];
            List<Theme> themes = THEMES.get(d);
            Theme t = themes.get(i % 3 == 0 ? 0 : random.nextInt(themes.size()));
            Project p = bare(d, t, declared[i].minusDays(45 + random.nextInt(60)));
            p.name = SHORT.get(d) + FIRM_WORDS[(i * 7) % FIRM_WORDS.length] + t.noun() + "项目";
            p.total = 8_000 + 2_000L * random.nextInt(60);
            p.newLand = t.industrial() || i % 2 == 0;
            p.eia = i % 4 == 3 ? "REGISTRATION" : i % 4 == 0 ? "REPORT" : "REPORT_FORM";
            p.constructionType = i % 5 == 4 ? "PURCHASE" : "NEW";
            p.projectType = p.constructionType.equals("PURCHASE") ? "03" : "01";
            p.newLand = p.newLand && !p.constructionType.equals("PURCHASE");
            facts(p);
            p.declaredOn = declared[i];
            p.liveDeclaration = true;
            add(p);
            decide(p, i);
        }
        for (Project p : projects) {
            if (p.name.startsWith("优碧科技")) {
                decide(p, 6);
            }
        }
    }

    /** The decisions of a live project's case, by its index: a spread over every state a task can be in. */
    private void decide(Project p, int i) {
        List<String> departments = new ArrayList<>(List.of("NDRC"));
        if (p.newLand) {
            departments.add("NR");
        }
        if (p.eia.equals("REPORT") || p.eia.equals("REPORT_FORM")) {
            departments.add("EE");
        }
        if (!p.constructionType.equals("PURCHASE")) {
            departments.add("HC");
        }
        if (i < 3) { // every task approved: the case is approved and the project admitted (入库)
            departments.forEach(d -> approvals.add(List.of(p.code, d, "APPROVE", "材料齐全，同意")));
        } else if (i == 3) { // one rejection rejects the case: the project goes back to 储备
            approvals.add(List.of(p.code, "NDRC", "APPROVE", "同意备案"));
            approvals.add(List.of(p.code, departments.contains("EE") ? "EE" : departments.get(departments.size() - 1),
                    "REJECT", "选址位于水源保护区，不予批复"));
        } else if (i < 6) { // returned for supplement (补正): its clock stops
            approvals.add(List.of(p.code, "NDRC", "APPROVE", "同意备案"));
            approvals.add(List.of(p.code, departments.get(departments.size() - 1), "RETURN",
                    "请补充施工图审查合格书及工程质量安全监督手续"));
        } else if (i < 12) { // 发改 done, the rest pending: overdue once their time limits pass
            approvals.add(List.of(p.code, "NDRC", "APPROVE", "同意备案"));
        }
        // the last ones: declared days ago, everything pending and within its time limit
    }

    /** In each district of {@link #LATE_2026}, its first further project of the 2025 cohort still building. */
    private void lateReporters() {
        for (String d : LATE_2026) {
            projects.stream().filter(p -> p.district.equals(d) && p.family != null && p.cohort == 2025
                            && p.productionOn == null && p.withdrawnOn == null).findFirst()
                    .orElseThrow(() -> new IllegalStateException(d + ": no project to be late with 1-10月"))
                    .late2026 = true;
        }
    }

    // ---- figures ----

    /** Every family's target per year split over the projects reporting in it, then spread over the months. */
    private void allocate() {
        for (Project p : projects) {
            for (Map.Entry<Integer, TreeMap<Integer, Long>> e : p.anchors.entrySet()) {
                p.figures.put(e.getKey(), interpolate(p, e.getKey(), e.getValue()));
            }
        }
        for (String d : TARGETS.keySet()) {
            for (int yi = 0; yi < YEARS.length; yi++) {
                int year = YEARS[yi];
                int ref = REFERENCE_MONTH.get(year);
                long target = TARGETS.get(d)[yi];
                long named = 0;
                long namedTechReform = 0;
                for (Project p : projects) {
                    if (p.district.equals(d) && !p.anchors.isEmpty() && p.figures.containsKey(year)) {
                        long v = p.figures.get(year)[ref];
                        named += v;
                        if (KAIFAQU.equals(p.park) && Industry.techReform(p.industry, p.projectType)) {
                            namedTechReform += v;
                        }
                    }
                }
                long techReform = 0;
                if (d.equals(SHANGJIE)) {
                    techReform = KAIFAQU_TECH_REFORM.get(year) - namedTechReform;
                    spread(d, "TR", year, techReform);
                }
                spread(d, "G", year, target - named - techReform);
            }
        }
        for (Project p : projects) {
            long completed = 0;
            for (long[] f : p.figures.values()) {
                completed += max(f);
            }
            if (p.total == 0) {
                double annual = p.figures.isEmpty() ? 5_000 : (double) completed / p.figures.size();
                long years = p.productionOn != null ? p.figures.size() : p.figures.size() + 1;
                p.total = roundUp((long) (Math.max(completed, annual * years) * (1.1 + random.nextDouble() * 0.5)), 100);
                facts(p);
            }
            if (completed > p.total) {
                throw new IllegalStateException(p.name + ": reports " + completed + " exceed the total " + p.total);
            }
        }
    }

    private static long max(long[] f) {
        long m = 0;
        for (long v : f) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static long roundUp(long v, long unit) {
        return (v + unit - 1) / unit * unit;
    }

    /** Splits {@code amount} over the family's projects reporting in the year (older cohorts 55%), exactly. */
    private void spread(String district, String family, int year, long amount) {
        List<Project> members = projects.stream().filter(p -> district.equals(p.district) && family.equals(p.family)
                && p.reportsIn(year)).toList();
        if (members.isEmpty() || amount <= 0) {
            throw new IllegalStateException(district + " " + family + " " + year + ": nothing to spread " + amount
                    + " over");
        }
        boolean mixed = members.stream().anyMatch(p -> p.cohort == year) && members.stream().anyMatch(p -> p.cohort < year);
        Map<Project, Double> share = new LinkedHashMap<>();
        for (Project p : members) {
            double cohortShare = !mixed ? 1.0 : p.cohort < year ? 0.55 : 0.45;
            double sameCohort = members.stream().filter(q -> (q.cohort < year) == (p.cohort < year))
                    .mapToDouble(q -> q.weight).sum();
            share.put(p, cohortShare * p.weight / sameCohort);
        }
        int ref = REFERENCE_MONTH.get(year);
        long left = amount;
        for (int i = 0; i < members.size(); i++) {
            Project p = members.get(i);
            long x = i == members.size() - 1 ? left : Math.round(amount * share.get(p));
            left -= x;
            if (x < 100) {
                throw new IllegalStateException(p.name + " " + year + ": figure too small " + x);
            }
            p.figures.put(year, curve(p, year, ref, x));
        }
    }

    /** Cumulative figures of a year from the S-curve, scaled so that month {@code ref} is exactly {@code x}. */
    private static long[] curve(Project p, int year, int ref, long x) {
        int first = p.admittedOn.getYear() == year ? p.admittedOn.getMonthValue() : 2;
        first = Math.max(first, 2);
        double start = first == 2 ? 0 : CURVE[first - 1];
        int last = year == 2026 ? LAST_2026 : 12;
        if (year == 2026 && p.late2026) { // 1-9月 is its latest: it reaches at September what the others at October
            last = LAST_2026 - 1;
            ref = last;
        }
        long[] f = new long[13];
        for (int m = first; m <= last; m++) {
            f[m] = m == ref ? x : Math.round(x * (CURVE[m] - start) / (CURVE[ref] - start));
        }
        return f;
    }

    /** Named projects: straight lines between the anchors, from zero before the first reported month. */
    private static long[] interpolate(Project p, int year, TreeMap<Integer, Long> anchors) {
        int first = p.admittedOn.getYear() == year ? Math.max(2, p.admittedOn.getMonthValue()) : 2;
        int last = year == 2026 ? Math.min(LAST_2026, anchors.lastKey()) : anchors.lastKey();
        long[] f = new long[13];
        int prevMonth = first - 1;
        long prevValue = 0;
        for (int m = first; m <= last; m++) {
            Map.Entry<Integer, Long> next = anchors.ceilingEntry(m);
            if (next == null) {
                break;
            }
            if (next.getKey() == m) {
                f[m] = next.getValue();
                prevMonth = m;
                prevValue = next.getValue();
            } else {
                f[m] = prevValue + Math.round((next.getValue() - prevValue) * (double) (m - prevMonth)
                        / (next.getKey() - prevMonth));
            }
        }
        return f;
    }

    // ---- problems ----

    private void problems() {
        String[][] open = {
            {"LAND", "地块尚有部分地上附着物未清表，影响桩基施工", "区自然资源局", "2026-10-31"},
            {"UTILITIES", "施工临时用电容量不足，需新增箱变一台", "区供电公司", "2026-12-15"},
            {"FINANCING", "项目贷款审批进度慢，二期设备款存在缺口", "区金融服务中心", "2026-11-10"},
            {"PROCEDURE", "消防设计审查意见需重新出具", "区住建局", "2026-12-20"},
            {"LABOUR", "招聘熟练技工困难，生产线调试人员不足", "区人社局", "2026-10-20"},
        };
        String[][] resolved = {
            {"LAND", "土地证办理需补缴土地出让金差额", "区自然资源局", "2025-06-30", "2025-06-18", "已完成补缴并办结不动产权证"},
            {"FUNDING", "财政配套资金未按期拨付", "区财政局", "2025-08-31", "2025-08-20", "配套资金已分两批拨付到位"},
            {"PROCEDURE", "施工许可所需图审合格书出具滞后", "区住建局", "2025-05-15", "2025-05-09", "开辟绿色通道，图审合格书已出具"},
            {"UTILITIES", "厂区供水管网未接通", "区城市管理局", "2025-09-30", "2025-10-12", "市政供水管网已接通并通水"},
            {"FINANCING", "企业流动资金紧张，需银行授信支持", "区金融服务中心", "2025-11-30", "2025-11-05", "政银企对接会后获授信8000万元"},
        };
        List<Project> withProblems = projects.stream().filter(p -> p.startedOn != null && p.productionOn == null
                && p.admittedOn != null && p.admittedOn.getYear() >= 2024).toList();
        for (Project p : projects) {
            if (p.name.equals(Named.AUX)) {
                // "对项目中的土地、资金、手续等问题按需解决"
                problems.add(List.of(p.code, "LAND", "复工后二期厂房用地需调整规划指标", "区自然资源局", "2025-04-30", "2025-04-22",
                        "完成规划指标调整并办理用地手续", "2025-02-18"));
                problems.add(List.of(p.code, "FUNDING", "复工资金缺口，需协调专项债及银行贷款", "区发改委", "2025-05-31",
                        "2025-06-10", "协调专项债资金及银团贷款到位", "2025-02-18"));
                problems.add(List.of(p.code, "PROCEDURE", "二期施工许可手续办理", "区住建局", "2025-03-31", "2025-03-25",
                        "并联审批，施工许可已核发", "2025-02-25"));
                problems.add(List.of(p.code, "UTILITIES", "投产前需新建110千伏专用变电站", "供电公司上街营业部", "2026-12-31", "", "",
                        "2026-03-16"));
            }
        }
        for (int i = 0; i < withProblems.size() && i < 40; i += 4) {
            Project p = withProblems.get(i);
            String[] r = resolved[(i / 4) % resolved.length];
            LocalDate resolvedOn = LocalDate.parse(r[4]);
            if (!p.startedOn.isAfter(resolvedOn.minusDays(30))) { // a problem of the works, solved after they began
                problems.add(List.of(p.code, r[0], r[1], r[2], r[3], r[4], r[5],
                        loggedOn(p, LocalDate.parse(r[3]), resolvedOn)));
            }
            if ((i / 4) % 2 == 0) {
                String[] o = open[(i / 8) % open.length];
                problems.add(List.of(p.code, o[0], o[1], o[2], o[3], "", "",
                        loggedOn(p, LocalDate.parse(o[3]), LocalDate.of(2026, 11, 20))));
            }
        }
    }

    /**
     * 登记日期: about two months before the deadline, but not before the works began, and at least a week before the
     * problem was solved (or before the files' last day).
     */
    private static LocalDate loggedOn(Project p, LocalDate deadline, LocalDate before) {
        LocalDate d = deadline.minusDays(60);
        if (d.isBefore(p.startedOn)) {
            d = p.startedOn;
        }
        LocalDate latest = before.minusDays(7);
        return d.isAfter(latest) ? latest : d;
    }

    // ---- output ----

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        projects.sort(Comparator.comparing((Project p) -> p.code));
        List<List<?>> rows = new ArrayList<>();
        List<List<?>> reports = new ArrayList<>();
        for (Project p : projects) {
            rows.add(java.util.Arrays.asList(p.code, p.name, p.owner, p.credit, p.district, p.park, p.chain,
                    p.industry, p.constructionType, p.projectType, p.total, p.landArea, p.output, p.tax,
                    p.newLand, p.eia, p.privateInvestment, p.plannedStart, p.plannedProduction,
                    p.registeredAt.toString(), p.declaredOn, p.admittedOn, p.startedOn, p.productionOn,
                    p.withdrawnOn, p.liveDeclaration ? "live" : "", p.leader, p.taskForce, p.note));
            for (Map.Entry<Integer, long[]> e : p.figures.entrySet()) {
                List<Object> r = new ArrayList<>();
                r.add(p.code);
                r.add(e.getKey());
                for (int m = 2; m <= 12; m++) {
                    long v = e.getValue()[m];
                    r.add(v == 0 ? "" : v);
                }
                reports.add(r);
            }
        }
        Csv.write(dir.resolve("projects.csv"), List.of(
                "项目 (projects): one row per project; columns and rules in seeds/README.md.",
                "Amounts in 万元, land in 亩, dates yyyy-MM-dd, registeredAt local time in Asia/Shanghai.",
                "declaration=live: declared through the live API so that approval-service opens its case (see approvals.csv)."),
                List.of("code", "name", "ownerName", "ownerCreditCode", "district", "park", "chain", "industry",
                        "constructionType", "projectType", "totalInvestment", "landArea", "annualOutput", "annualTax",
                        "takesNewLand", "eiaCategory", "privateInvestment", "plannedStart", "plannedProduction",
                        "registeredAt", "declaredOn", "admittedOn", "startedOn", "productionOn", "withdrawnOn",
                        "declaration", "leader", "taskForce", "note"), rows);
        Csv.write(dir.resolve("reports.csv"), List.of(
                "月报 (monthly reports): 1-N月累计完成投资 in 万元 per project and year; m02 = 1-2月 (January has no",
                "report of its own); a blank month has no report and the latest earlier figure of the year carries forward."),
                List.of("code", "year", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"),
                reports);
        Csv.write(dir.resolve("approvals.csv"), List.of(
                "并联审批 decisions on the cases of the live declarations, in order; tasks not named stay pending."),
                List.of("code", "department", "decision", "comment"), approvals);
        Csv.write(dir.resolve("problems.csv"), List.of(
                "问题解决台账: problems logged on projects; resolvedOn blank = still open (overdue once past the deadline);",
                "loggedOn = 登记日期, the day the problem was logged."),
                List.of("code", "category", "description", "department", "deadline", "resolvedOn", "resolution",
                        "loggedOn"),
                problems);
        System.out.printf("wrote %d projects, %d report rows, %d decisions, %d problems to %s%n", projects.size(),
                reports.size(), approvals.size(), problems.size(), dir);
    }
}
