package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.MaterialKind;
import cn.zz.pipeline.events.project.MaterialAdded;
import cn.zz.pipeline.events.project.MaterialRemoved;
import cn.zz.pipeline.testsupport.TestDistricts;
import cn.zz.pipeline.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admission ledger's missingMaterials: the required 入库资料 (pipeline.materials.required, by default
 * APPROVAL_DOC, CONTRACT, SITE_PHOTO) a declared project still lacks, from material-added and material-removed.
 * Its projects lie in 上街 (shared): it finds them by code, it counts nothing of the district.
 */
@QuarkusTest
class AdmissionMaterialsTest {

    private static final String SHANGJIE = TestDistricts.SHANGJIE;

    private static String code() {
        return "2025-" + SHANGJIE + "-01-01-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static MaterialAdded added(Feed.Project p, UUID materialId, MaterialKind kind) {
        return new MaterialAdded(p.id, p.snapshot.code(), SHANGJIE, materialId, kind, kind.label() + ".pdf", 1234,
                "0".repeat(64), "application/pdf", null, "staff.shangjie");
    }

    /** The row of {@code code} in the district's admission ledger, looked for page by page. */
    private static Map<String, Object> row(String code) {
        for (int page = 1; page <= 50; page++) {
            JsonPath json = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", SHANGJIE)
                    .queryParam("size", "200").queryParam("page", String.valueOf(page)).get("/api/ledgers/admission")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Object> row = json.getMap("items.find { it.code == '" + code + "' }");
            if (row != null || json.getList("items").isEmpty()) {
                return row;
            }
        }
        return null;
    }

    @Test
    void declaredProjectsShowTheRequiredKindsTheyLack() throws Exception {
        LocalDate day = LocalDate.of(2025, 6, 1);
        Feed.Project some = new Feed.Project(code(), "材料齐备中项目", SHANGJIE, null, "C3976",
                ConstructionType.NEW, "12000", day, day.plusYears(2)).registered(day).declared(day.plusDays(1));
        UUID photo = UUID.randomUUID();
        UUID secondPhoto = UUID.randomUUID();
        some.event(Feed.at(day.plusDays(2)), added(some, UUID.randomUUID(), MaterialKind.CONTRACT))
                .event(Feed.at(day.plusDays(2)), added(some, photo, MaterialKind.SITE_PHOTO))
                .event(Feed.at(day.plusDays(2)), added(some, secondPhoto, MaterialKind.SITE_PHOTO))
                .event(Feed.at(day.plusDays(2)), added(some, UUID.randomUUID(), MaterialKind.OTHER))
                .event(Feed.at(day.plusDays(3)), new MaterialRemoved(some.id, some.snapshot.code(), SHANGJIE, photo,
                        MaterialKind.SITE_PHOTO, "staff.shangjie"));
        Feed.Project none = new Feed.Project(code(), "尚无资料项目", SHANGJIE, null, "C3976", ConstructionType.NEW,
                "12000", day, day.plusYears(2)).registered(day).declared(day.plusDays(1));
        Feed.Project complete = new Feed.Project(code(), "资料齐全项目", SHANGJIE, null, "C3976", ConstructionType.NEW,
                "12000", day, day.plusYears(2)).registered(day).declared(day.plusDays(1));
        UUID approval = UUID.randomUUID();
        for (MaterialKind k : List.of(MaterialKind.APPROVAL_DOC, MaterialKind.CONTRACT, MaterialKind.SITE_PHOTO)) {
            complete.event(Feed.at(day.plusDays(2)), added(complete, k == MaterialKind.APPROVAL_DOC ? approval
                    : UUID.randomUUID(), k));
        }
        Feed.Project admitted = new Feed.Project(code(), "已入库项目", SHANGJIE, null, "C3976", ConstructionType.NEW,
                "12000", day, day.plusYears(2)).admittedVia(day, day.plusDays(1), day.plusDays(5));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(row(admitted.snapshot.code())).isNotNull();
            assertThat(row(some.snapshot.code()).get("missingMaterials")).isEqualTo(List.of("APPROVAL_DOC"));
        });
        // the second photo still counts after the first one was removed; OTHER is never required
        assertThat(row(none.snapshot.code()).get("missingMaterials"))
                .isEqualTo(List.of("APPROVAL_DOC", "CONTRACT", "SITE_PHOTO"));
        assertThat(row(complete.snapshot.code()).get("missingMaterials")).isEqualTo(List.of());
        assertThat(row(admitted.snapshot.code())).containsEntry("missingMaterials", null);

        // removing the last file of a kind makes it missing again
        complete.event(Feed.at(day.plusDays(4)), new MaterialRemoved(complete.id, complete.snapshot.code(), SHANGJIE,
                approval, MaterialKind.APPROVAL_DOC, "staff.shangjie"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                row(complete.snapshot.code()).get("missingMaterials")).isEqualTo(List.of("APPROVAL_DOC")));

        // the workbook: a column 尚缺资料 with the Chinese labels
        byte[] xlsx = given().header("Authorization", Tokens.bearer("admin")).queryParam("district", SHANGJIE)
                .queryParam("format", "xlsx").get("/api/ledgers/admission").then().statusCode(200).extract()
                .asByteArray();
        List<Row> rows = LedgerTest.sheet(xlsx, "入库管理台账");
        List<String> header = rows.get(0).stream().map(c -> c == null ? "" : c.getText()).toList();
        int column = header.indexOf("尚缺资料");
        assertThat(column).isEqualTo(header.indexOf("尚缺手续") + 1);
        Row none_ = rows.stream().filter(r -> none.snapshot.code().equals(r.getCellText(0))).findFirst().orElseThrow();
        assertThat(none_.getCellText(column)).isEqualTo("审批/核准/备案文件、施工合同、现场照片");
        Row done = rows.stream().filter(r -> admitted.snapshot.code().equals(r.getCellText(0))).findFirst()
                .orElseThrow();
        assertThat(done.getCellText(column)).isEmpty();
    }
}
