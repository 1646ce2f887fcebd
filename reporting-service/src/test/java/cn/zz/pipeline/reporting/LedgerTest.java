package cn.zz.pipeline.reporting;

import io.quarkus.test.junit.QuarkusMock;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.Decision;
import cn.zz.pipeline.events.approval.ApprovalTask;
import cn.zz.pipeline.events.approval.CaseOpened;
import cn.zz.pipeline.events.approval.TaskDecided;
import cn.zz.pipeline.events.approval.TaskReturned;
import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;
import cn.zz.pipeline.events.project.ProjectAssigned;
import cn.zz.pipeline.platform.config.PipelineConfig;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The four ledgers of projects fed through Kafka as project-service and approval-service would publish them, in the
 * first district the test owns (410181 巩义市); the size test writes its rows straight into project_view of the second
 * (410183 新密市). The service's today is New Year's Day 2026: the day-based ledgers' files carry it.
 */
@QuarkusTest
class LedgerTest {

    static final String GONGYI = TestDistricts.all(LedgerTest.class).get(0);
    static final String XINMI = TestDistricts.all(LedgerTest.class).get(1);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    static final String CHIP = "2024-" + GONGYI + "-01-01-000011";
    static final String DISPLAY = "2025-" + GONGYI + "-01-01-000022";
    static final String FPC = "2025-" + GONGYI + "-01-03-000033";
    static final String OWNER = "郑州测试建设有限公司";
    static boolean fed;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PipelineConfig config;

    @BeforeEach
    void fixToday() {
        QuarkusMock.installMockForType(Today.standingOn(config, TODAY), Today.class);
    }

    /**
     * 锐杰微 (started, figures of 2024 and 2025, a leader and task force, an overdue and a resolved problem),
     * 华思光电 (declared: one task approved, one pending past its due date, one returned; an open problem) and
     * 威斯荻克 (withdrawn).
     */
    static synchronized void feed() {
        if (fed) {
            return;
        }
        Feed.Project chip = new Feed.Project(CHIP, "锐杰微 SIP 芯片封测", GONGYI, "巩义市产业集聚区", "C3973",
                ConstructionType.NEW, "50000", LocalDate.of(2024, 3, 1), LocalDate.of(2026, 6, 30))
                .admittedVia(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1))
                .started(LocalDate.of(2024, 4, 10))
                .report(2024, 6, "3000").report(2024, 12, "6000").report(2025, 2, "1000").report(2025, 5, "4000");
        chip.event(Feed.at(TODAY), new ProjectAssigned(chip.id, "王副市长", List.of("市发改委", "自然资源局"), "staff"));
        chip.event(Feed.at(LocalDate.of(2024, 12, 1)), new ProblemLogged(chip.id, UUID.randomUUID(), "LAND",
                "用地指标未落实", "NR", LocalDate.of(2025, 1, 10), "staff"));
        UUID funding = UUID.randomUUID();
        chip.event(Feed.at(LocalDate.of(2024, 11, 1)), new ProblemLogged(chip.id, funding, "FUNDING", "流动资金缺口",
                "NDRC", LocalDate.of(2025, 3, 1), "staff"));
        chip.event(Feed.at(LocalDate.of(2024, 12, 20)), new ProblemResolved(chip.id, funding, "已协调银行授信",
                LocalDate.of(2024, 12, 20), "staff"));

        Feed.Project display = new Feed.Project(DISPLAY, "华思光电 MiniLED", GONGYI, null, "C3976",
                ConstructionType.EXPANSION, "12000", LocalDate.of(2025, 9, 1), LocalDate.of(2027, 6, 30))
                .registered(LocalDate.of(2025, 6, 1)).declared(LocalDate.of(2025, 6, 15));
        ApprovalTask filing = new ApprovalTask(UUID.randomUUID(), "NDRC", "PROJECT_FILING", 3,
                LocalDate.of(2025, 6, 18));
        ApprovalTask land = new ApprovalTask(UUID.randomUUID(), "NR", "LAND_PRE_APPROVAL", 20,
                LocalDate.of(2025, 7, 14), List.of("LAND_PRE_APPROVAL", "LAND_PLANNING_PERMIT"));
        ApprovalTask eia = new ApprovalTask(UUID.randomUUID(), "EE", "EIA_REPORT_FORM", 30,
                LocalDate.of(2025, 7, 15));
        UUID approvalCase = UUID.randomUUID();
        Feed.approval(display.id, Feed.at(LocalDate.of(2025, 6, 15)),
                new CaseOpened(approvalCase, display.id, GONGYI, List.of(filing, land, eia)));
        Feed.approval(display.id, Feed.at(LocalDate.of(2025, 6, 17)), new TaskDecided(approvalCase,
                filing.taskId(), display.id, "NDRC", "PROJECT_FILING", Decision.APPROVE, "同意", "approver.ndrc"));
        Feed.approval(display.id, Feed.at(LocalDate.of(2025, 6, 20)), new TaskReturned(approvalCase, eia.taskId(),
                display.id, "EE", "EIA_REPORT_FORM", "请补充环评材料", "approver.ee"));
        display.event(Feed.at(LocalDate.of(2025, 6, 20)), new ProblemLogged(display.id, UUID.randomUUID(),
                "UTILITIES", "双回路供电未接入", "HC", TODAY.plusDays(30), "staff"));

        new Feed.Project(FPC, "威斯荻克 FPC", GONGYI, null, "C3982", ConstructionType.PURCHASE, "800",
                LocalDate.of(2025, 5, 1), null)
                .registered(LocalDate.of(2025, 2, 1)).withdrawn(LocalDate.of(2025, 3, 1), "建设单位放弃投资");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(page("progress", Map.of("year", "2025"))
                    .getString("items.find { it.code == '" + CHIP + "' }.taskForce")).isEqualTo("市发改委、自然资源局");
            assertThat(page("procedures", Map.of()).getList("items.findAll { it.state == 'PENDING' }")).hasSize(1);
            assertThat(page("procedures", Map.of()).getList("items.findAll { it.state == 'RETURNED' }")).hasSize(1);
            assertThat(page("problems", Map.of()).getInt("summary.resolved")).isEqualTo(1);
            assertThat(page("problems", Map.of()).getInt("total")).isEqualTo(3);
        });
        fed = true;
    }

    static JsonPath page(String ledger, Map<String, String> params) {
        return given().header("Authorization", Tokens.bearer("admin")).queryParam("district", GONGYI)
                .queryParams(params).get("/api/ledgers/" + ledger)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    static BigDecimal decimal(JsonPath json, String path) {
        String s = json.getString(path);
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void progressShowsEveryProjectNotWithdrawnWithThisYearsAndTheCumulativeFigures() {
        feed();
        JsonPath p = page("progress", Map.of("year", "2025"));
        assertThat(p.getInt("total")).isEqualTo(2);
        assertThat(p.getInt("page")).isEqualTo(1);
        assertThat(p.getInt("size")).isEqualTo(50);
        assertThat(p.getList("items.code")).containsExactly(CHIP, DISPLAY).doesNotContain(FPC);
        String a = "items.find { it.code == '" + CHIP + "' }.";
        assertThat(p.getString(a + "name")).isEqualTo("锐杰微 SIP 芯片封测");
        assertThat(p.getString(a + "ownerName")).isEqualTo(OWNER);
        assertThat(p.getString(a + "districtLabel")).isEqualTo("巩义市");
        assertThat(p.getString(a + "park")).isEqualTo("巩义市产业集聚区");
        assertThat(p.getString(a + "stage")).isEqualTo("STARTED");
        assertThat(p.getString(a + "stageLabel")).isEqualTo("开工");
        assertThat(p.getString(a + "plannedStart")).isEqualTo("2024-03-01");
        assertThat(p.getString(a + "startedOn")).isEqualTo("2024-04-10");
        assertThat(p.getString(a + "productionOn")).isNull();
        assertThat(decimal(p, a + "totalInvestment")).isEqualByComparingTo("50000");
        assertThat(decimal(p, a + "yearCompleted")).isEqualByComparingTo("4000");
        // 2024's latest (1-12月 6000) + 2025's latest (1-5月 4000)
        assertThat(decimal(p, a + "cumulativeCompleted")).isEqualByComparingTo("10000");
        assertThat(decimal(p, a + "completionRate")).isEqualByComparingTo("20.0");
        assertThat(p.getString(a + "leader")).isEqualTo("王副市长");
        String b = "items.find { it.code == '" + DISPLAY + "' }.";
        assertThat(p.getString(b + "stageLabel")).isEqualTo("申报");
        assertThat(p.getString(b + "yearCompleted")).isNull();
        assertThat(p.getString(b + "completionRate")).isNull();

        JsonPath lastYear = page("progress", Map.of("year", "2024"));
        assertThat(decimal(lastYear, a + "yearCompleted")).isEqualByComparingTo("6000");
        assertThat(decimal(lastYear, a + "cumulativeCompleted")).isEqualByComparingTo("6000");
        assertThat(decimal(lastYear, a + "completionRate")).isEqualByComparingTo("12.0");

        JsonPath second = page("progress", Map.of("year", "2025", "size", "1", "page", "2"));
        assertThat(second.getList("items.code")).containsExactly(DISPLAY);
        assertThat(second.getInt("total")).isEqualTo(2);
    }

    @Test
    void proceduresShowEveryTaskWithItsStateDaysUsedAndOverdueFlag() {
        feed();
        JsonPath p = page("procedures", Map.of());
        assertThat(p.getInt("total")).isEqualTo(3);
        assertThat(p.getList("items.code")).containsOnly(DISPLAY);
        String filing = "items.find { it.department == 'NDRC' }.";
        assertThat(p.getString(filing + "departmentLabel")).isEqualTo("发展和改革委员会");
        assertThat(p.getString(filing + "itemLabel")).isEqualTo("项目立项（审批/核准/备案）");
        assertThat(p.getString(filing + "stateLabel")).isEqualTo("已批准");
        assertThat(p.getString(filing + "openedAt")).isEqualTo("2025-06-15T10:00:00+08:00");
        assertThat(p.getString(filing + "decidedAt")).isEqualTo("2025-06-17T10:00:00+08:00");
        assertThat(p.getInt(filing + "daysUsed")).isEqualTo(2);
        assertThat(p.getBoolean(filing + "overdue")).isFalse();
        String land = "items.find { it.department == 'NR' }.";
        assertThat(p.getString(land + "stateLabel")).isEqualTo("待审批");
        assertThat(p.getList(land + "items")).containsExactly("LAND_PRE_APPROVAL", "LAND_PLANNING_PERMIT");
        assertThat(p.getString(land + "itemLabel")).isEqualTo("用地预审与选址意见书、建设用地规划许可证");
        assertThat(p.getString(land + "dueDate")).isEqualTo("2025-07-14");
        assertThat(p.getInt(land + "timeLimitDays")).isEqualTo(20);
        assertThat(p.getBoolean(land + "overdue")).as("pending past its due date").isTrue();
        assertThat(p.getLong(land + "daysUsed"))
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2025, 6, 15), TODAY));
        String eia = "items.find { it.department == 'EE' }.";
        assertThat(p.getString(eia + "stateLabel")).isEqualTo("补正中");
        assertThat(p.getBoolean(eia + "overdue")).as("the clock stops while returned for supplement").isFalse();

        assertThat(page("procedures", Map.of("state", "pending")).getList("items.department")).containsExactly("NR");
        assertThat(page("procedures", Map.of("overdue", "true")).getList("items.department")).containsExactly("NR");
        assertThat(page("procedures", Map.of("overdue", "false")).getInt("total")).isEqualTo(2);
    }

    @Test
    void problemsShowEveryProblemWithItsStatusAndTheResolutionRate() {
        feed();
        JsonPath p = page("problems", Map.of());
        assertThat(p.getInt("total")).isEqualTo(3);
        assertThat(p.getInt("summary.logged")).isEqualTo(3);
        assertThat(p.getInt("summary.resolved")).isEqualTo(1);
        assertThat(p.getInt("summary.open")).isEqualTo(2);
        assertThat(p.getInt("summary.overdue")).isEqualTo(1);
        assertThat(decimal(p, "summary.resolutionRate")).isEqualByComparingTo("33.3");
        String land = "items.find { it.category == 'LAND' }.";
        assertThat(p.getString(land + "categoryLabel")).isEqualTo("土地");
        assertThat(p.getString(land + "code")).isEqualTo(CHIP);
        assertThat(p.getString(land + "departmentLabel")).isEqualTo("自然资源和规划局");
        assertThat(p.getString(land + "statusLabel")).isEqualTo("已超期");
        String funding = "items.find { it.category == 'FUNDING' }.";
        assertThat(p.getString(funding + "statusLabel")).isEqualTo("已解决");
        assertThat(p.getString(funding + "resolvedOn")).isEqualTo("2024-12-20");
        assertThat(p.getString(funding + "resolution")).isEqualTo("已协调银行授信");
        assertThat(p.getString("items.find { it.category == 'UTILITIES' }.statusLabel")).isEqualTo("未解决");
        // the summary is of the whole ledger, not of the page
        JsonPath first = page("problems", Map.of("size", "1"));
        assertThat(first.getList("items")).hasSize(1);
        assertThat(first.getInt("summary.logged")).isEqualTo(3);
    }

    @Test
    void admissionShowsWhatDeclaredProjectsLackAndTheMonthlyFiguresOfAdmittedOnes() {
        feed();
        JsonPath p = page("admission", Map.of("year", "2025"));
        assertThat(p.getList("items.code")).containsExactly(CHIP, DISPLAY);
        String b = "items.find { it.code == '" + DISPLAY + "' }.";
        assertThat(p.getString(b + "stageLabel")).isEqualTo("申报");
        assertThat(p.getString(b + "declaredOn")).isEqualTo("2025-06-15");
        assertThat(p.getString(b + "missingApprovals")).isEqualTo("生态环境局（补正中）、自然资源和规划局（待审批）");
        assertThat(p.getList(b + "figures")).isEmpty();
        String a = "items.find { it.code == '" + CHIP + "' }.";
        assertThat(p.getString(a + "admittedOn")).isEqualTo("2024-03-01");
        assertThat(p.getString(a + "missingApprovals")).isNull();
        assertThat(p.getList(a + "figures.month")).containsExactly(2, 5);
        assertThat(decimal(p, a + "figures[1].amount")).isEqualByComparingTo("4000");
        assertThat(page("admission", Map.of("year", "2024")).getList(a + "figures.month")).containsExactly(6, 12);
    }

    @Test
    void everyLedgerDownloadsAsAWorkbookWithChineseHeadersFormatsAFrozenHeaderAndAFilter() throws IOException {
        feed();
        Response progress = xlsx("progress", Map.of("year", "2025", "format", "xlsx"), null);
        String name = URLEncoder.encode("进展跟踪台账-" + GONGYI + "-2025.xlsx", StandardCharsets.UTF_8);
        assertThat(progress.header("Content-Disposition")).isEqualTo("attachment; filename=\"progress-ledger-" + GONGYI
                + "-2025.xlsx\"; filename*=UTF-8''" + name);
        List<Row> rows = sheet(progress.asByteArray(), "进展跟踪台账");
        assertThat(texts(rows.get(0))).containsExactly("项目代码", "项目名称", "建设单位", "所属区县", "园区", "产业链",
                "阶段", "总投资（万元）", "计划开工", "实际开工", "计划投产", "实际投产", "本年计划投资（万元）",
                "本年完成投资（万元）", "计划完成率", "累计完成投资（万元）", "完成率", "分包领导", "专班", "预警灯", "下一节点", "节点计划日期");
        assertThat(rows).hasSize(3);
        Row a = rows.get(1);
        assertThat(a.getCellText(0)).isEqualTo(CHIP);
        assertThat(a.getCellText(3)).isEqualTo("巩义市");
        assertThat(a.getCellText(6)).isEqualTo("开工");
        assertThat(number(a, 7, "#,##0.00")).isEqualByComparingTo("50000");
        assertThat(date(a, 9)).isEqualTo(LocalDate.of(2024, 4, 10));
        assertThat(a.getCellText(12)).as("no annual plan").isEmpty();
        assertThat(number(a, 13, "#,##0.00")).isEqualByComparingTo("4000");
        assertThat(a.getCellText(14)).as("no plan, no plan rate").isEmpty();
        assertThat(number(a, 15, "#,##0.00")).isEqualByComparingTo("10000");
        assertThat(number(a, 16, "0.0%")).isEqualByComparingTo("0.2");
        assertThat(a.getCellText(18)).isEqualTo("市发改委、自然资源局");
        assertFrozenHeaderWithFilter(progress.asByteArray(), "A1:V3");

        // Accept instead of ?format
        Response procedures = xlsx("procedures", Map.of(), XLSX);
        assertThat(procedures.header("Content-Disposition"))
                .contains("filename=\"procedures-ledger-" + GONGYI + "-20260101.xlsx\"");
        rows = sheet(procedures.asByteArray(), "手续办理台账");
        assertThat(texts(rows.get(0))).containsExactly("项目代码", "项目名称", "所属区县", "审批部门", "事项", "状态",
                "受理时间", "时限（日）", "到期日", "办结时间", "用时（自然日）", "是否超期");
        Row land = rows.stream().filter(r -> "自然资源和规划局".equals(r.getCellText(3))).findFirst().orElseThrow();
        assertThat(land.getCellText(4)).isEqualTo("用地预审与选址意见书、建设用地规划许可证");
        assertThat(land.getCellText(5)).isEqualTo("待审批");
        assertThat(date(land, 6)).isEqualTo(LocalDate.of(2025, 6, 15)); // 受理日期 (the case's event carries none)
        assertThat(date(land, 8)).isEqualTo(LocalDate.of(2025, 7, 14));
        assertThat(land.getCellText(11)).isEqualTo("是");
        assertFrozenHeaderWithFilter(procedures.asByteArray(), "A1:L4");

        byte[] problems = xlsx("problems", Map.of("format", "xlsx"), null).asByteArray();
        rows = sheet(problems, "问题解决台账");
        assertThat(texts(rows.get(0))).containsExactly("项目代码", "项目名称", "所属区县", "问题类别", "问题描述",
                "责任部门", "办结时限", "登记日期", "解决日期", "解决情况", "状态");
        assertThat(rows.stream().skip(1).map(r -> r.getCellText(10))).containsExactlyInAnyOrder("已超期", "已解决",
                "未解决");
        List<Row> summary = sheet(problems, "汇总");
        assertThat(texts(summary.get(0))).containsExactly("登记问题数", "已解决", "未解决", "其中已超期", "解决率");
        assertThat(number(summary.get(1), 0, "0")).isEqualByComparingTo("3");
        assertThat(number(summary.get(1), 4, "0.0%")).isEqualByComparingTo("0.333");
        assertFrozenHeaderWithFilter(problems, "A1:K4");

        byte[] admission = xlsx("admission", Map.of("format", "xlsx", "year", "2025"), null).asByteArray();
        rows = sheet(admission, "入库管理台账");
        List<String> header = texts(rows.get(0));
        assertThat(header.subList(0, 8)).containsExactly("项目代码", "项目名称", "所属区县", "阶段", "申报日期",
                "入库日期", "尚缺手续", "尚缺资料");
        assertThat(header.subList(8, header.size())).containsExactly("1-2月（万元）", "1-3月（万元）", "1-4月（万元）",
                "1-5月（万元）", "1-6月（万元）", "1-7月（万元）", "1-8月（万元）", "1-9月（万元）", "1-10月（万元）",
                "1-11月（万元）", "1-12月（万元）");
        Row started = rows.get(1);
        assertThat(number(started, 8, "#,##0.00")).isEqualByComparingTo("1000");
        assertThat(started.getCellRawValue(9)).as("1-3月 not reported").isEmpty();
        assertThat(number(started, 11, "#,##0.00")).isEqualByComparingTo("4000");
        assertThat(rows.get(2).getCellText(6)).isEqualTo("生态环境局（补正中）、自然资源和规划局（待审批）");
        assertThat(rows.get(2).getCellText(7)).isEqualTo("审批/核准/备案文件、施工合同、现场照片");
        assertFrozenHeaderWithFilter(admission, "A1:S3");
    }

    @Test
    void callersSeeOnlyTheirDistrictAndBadRequestsAreProblems() {
        String leader = Tokens.bearer("leader.shangjie"); // 410106
        given().header("Authorization", leader).queryParam("district", GONGYI).get("/api/ledgers/progress")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", leader).queryParam("district", GONGYI).queryParam("format", "xlsx")
                .get("/api/ledgers/problems").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", leader).get("/api/ledgers/progress").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("leader.city")).queryParam("district", GONGYI)
                .get("/api/ledgers/procedures").then().statusCode(200);
        given().header("Authorization", Tokens.bearer("approver.ndrc")).get("/api/ledgers/procedures")
                .then().statusCode(200);
        given().get("/api/ledgers/progress").then().statusCode(401).contentType("application/problem+json");

        String admin = Tokens.bearer("admin");
        given().header("Authorization", admin).queryParam("page", "0").get("/api/ledgers/progress")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
        given().header("Authorization", admin).queryParam("size", "201").get("/api/ledgers/problems")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
        given().header("Authorization", admin).queryParam("year", "abc").get("/api/ledgers/admission")
                .then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().header("Authorization", admin).queryParam("year", "1999").queryParam("format", "xlsx")
                .get("/api/ledgers/progress").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("year"));
        given().header("Authorization", admin).queryParam("state", "DONE").get("/api/ledgers/procedures")
                .then().statusCode(400).body("violations[0].field", equalTo("state"));
        given().header("Authorization", admin).queryParam("overdue", "yes").get("/api/ledgers/procedures")
                .then().statusCode(400).body("violations[0].field", equalTo("overdue"));
        given().header("Authorization", admin).queryParam("district", "41x").get("/api/ledgers/problems")
                .then().statusCode(400).body("violations[0].field", equalTo("district"));
        given().header("Authorization", admin).queryParam("format", "pdf").get("/api/ledgers/problems")
                .then().statusCode(400).body("violations[0].field", equalTo("format"));
        given().header("Authorization", admin).get("/api/ledgers/budget")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** 20,000 rows go through the cursor into the workbook a few hundred at a time. */
    @Test
    void aLargeLedgerIsStreamedWhole() throws SQLException, IOException {
        int rows = 20_000;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into project_view (project_id, code, name, owner_name, district, park, chain,"
                    + " industry, sector, project_type, construction_type, private_investment, total_investment,"
                    + " planned_start, planned_production, stage, registered_on, declared_on, admitted_on,"
                    + " last_sequence)"
                    + " select gen_random_uuid(), '2025-" + XINMI + "-01-01-' || lpad(g::text, 6, '0'),"
                    + " '新密市批量项目' || g, '新密市测试建设有限公司', '" + XINMI + "', '新密市产业集聚区', '先进材料',"
                    + " 'C3099', 'SECONDARY', '01', 'NEW', true, 1000 + g, date '2025-03-01', date '2026-12-31',"
                    + " 'ADMITTED', date '2025-01-02', date '2025-01-20', date '2025-02-10', 3"
                    + " from generate_series(1, " + rows + ") g");
        }
        try {
            long start = System.nanoTime();
            Response r = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", XINMI)
                    .queryParam("year", "2025").accept(XLSX).get("/api/ledgers/progress");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo(XLSX);
            assertThat(r.header("Content-Length")).as("streamed, not buffered to a known length").isNull();
            byte[] body = r.asByteArray();
            List<Row> sheet = sheet(body, "进展跟踪台账");
            assertThat(sheet).hasSize(rows + 1);
            assertThat(sheet.get(1).getCellText(0)).isEqualTo("2025-" + XINMI + "-01-01-000001");
            assertThat(sheet.get(rows).getCellText(0)).isEqualTo("2025-" + XINMI + "-01-01-020000");
            assertThat(number(sheet.get(rows), 7, "#,##0.00")).isEqualByComparingTo("21000");
            assertFrozenHeaderWithFilter(body, "A1:V" + (rows + 1));
            System.out.printf("progress ledger of %d rows: %d bytes of xlsx in %d ms%n", rows, body.length, millis);

            JsonPath last = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", XINMI)
                    .queryParam("size", "200").queryParam("page", "100").get("/api/ledgers/progress")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(last.getInt("total")).isEqualTo(rows);
            assertThat(last.getList("items")).hasSize(200);
            assertThat(last.getString("items[199].code")).isEqualTo("2025-" + XINMI + "-01-01-020000");
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from project_view where district = '" + XINMI + "'"
                        + " and name like '新密市批量项目%'");
            }
        }
    }

    private static Response xlsx(String ledger, Map<String, String> params, String accept) {
        var request = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", GONGYI)
                .queryParams(params);
        if (accept != null) {
            request.accept(accept);
        }
        Response r = request.get("/api/ledgers/" + ledger);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo(XLSX);
        return r;
    }

    /** The rows of the named sheet (read with the cells' number formats). */
    static List<Row> sheet(byte[] xlsx, String name) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Optional<Sheet> sheet = wb.findSheet(name);
            assertThat(sheet).as("sheet " + name).isPresent();
            try (Stream<Row> rows = sheet.get().openStream()) {
                return rows.collect(Collectors.toList());
            }
        }
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            out.add(row.getCellText(i));
        }
        return out;
    }

    private static BigDecimal number(Row row, int column, String format) {
        Cell c = row.getCell(column);
        assertThat(c.getDataFormatString()).as("format of column " + column).isEqualTo(format);
        return c.asNumber();
    }

    private static LocalDate date(Row row, int column) {
        Cell c = row.getCell(column);
        assertThat(c.getDataFormatString()).as("format of column " + column).isEqualTo("yyyy-mm-dd");
        return c.asDate().toLocalDate();
    }

    /** The first sheet's XML freezes the row below the header and filters over the header. */
    static void assertFrozenHeaderWithFilter(byte[] xlsx, String filterRange) throws IOException {
        // fastexcel streams its zip entries with data descriptors, which ZipInputStream cannot size: read the
        // central directory instead
        Path file = Files.createTempFile("ledger", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
                assertThat(sheet).as("xl/worksheets/sheet1.xml").isNotNull();
                String xml = new String(zip.getInputStream(sheet).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(xml).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
                assertThat(xml).contains("<autoFilter ref=\"" + filterRange + "\"");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
