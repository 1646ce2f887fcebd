package cn.zz.pipeline.project;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.MaterialKind;
import cn.zz.pipeline.events.project.MaterialAdded;
import cn.zz.pipeline.events.project.MaterialRemoved;
import cn.zz.pipeline.testsupport.ObjectStoreResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static cn.zz.pipeline.project.Api.as;
import static cn.zz.pipeline.project.MaterialFiles.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** 入库资料: uploads of every accepted type into the object store (S3Proxy), lists, downloads, deletes, refusals. */
@QuarkusTest
@QuarkusTestResource(ObjectStoreResource.class)
class MaterialTest {

    private static final String STAFF = "staff.shangjie";

    private static ExtractableResponse<Response> stored(String id, String kind, String name, byte[] file,
                                                        String contentType) {
        return upload(STAFF, id, kind, name, file).then().statusCode(201).contentType("application/json")
                .body("kind", equalTo(kind)).body("name", equalTo(name)).body("size", equalTo(file.length))
                .body("sha256", equalTo(MaterialFiles.sha256(file))).body("contentType", equalTo(contentType))
                .body("uploadedBy", equalTo(STAFF)).extract();
    }

    private static String objects(String projectId) {
        return "projects/" + projectId;
    }

    @Test
    void everyTypeIsStoredListedDownloadedAndDeletedBefore入库() {
        String id = Api.registered();
        var pdf = stored(id, "APPROVAL_DOC", "郑州市上街区发改委备案证明.pdf", MaterialFiles.pdf(), "application/pdf");
        String pdfId = pdf.jsonPath().getString("id");
        assertThat(pdf.header("Location")).endsWith("/api/projects/" + id + "/materials/" + pdfId);
        assertThat(pdf.jsonPath().getString("takenOn")).isNull();
        assertThat(pdf.jsonPath().getBoolean("undated")).isFalse();
        stored(id, "APPROVAL_DOC", "备案证明.ofd", MaterialFiles.ofd(), "application/ofd");
        stored(id, "CONTRACT", "施工合同（盖章版）.docx", MaterialFiles.docx(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        stored(id, "OTHER", "工程量清单.xlsx", MaterialFiles.xlsx(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        stored(id, "SITE_PHOTO", "现场-航拍.png", MaterialFiles.png(), "image/png")
                .response().then().body("takenOn", nullValue()).body("undated", equalTo(true));
        stored(id, "SITE_PHOTO", "现场无日期.jpg", MaterialFiles.jpeg(), "image/jpeg")
                .response().then().body("takenOn", nullValue()).body("undated", equalTo(true));
        byte[] dated = MaterialFiles.jpegTaken("2026:11:20 10:30:00");
        String photoId = stored(id, "SITE_PHOTO", "桩基施工现场.jpg", dated, "image/jpeg").response().then()
                .body("takenOn", equalTo("2026-11-20")).body("undated", equalTo(false))
                .body("kindLabel", equalTo("现场照片")).extract().jsonPath().getString("id");
        assertThat(ObjectStoreResource.objectsUnder(objects(id))).isEqualTo(7);

        // every reader of the district (and the city's) sees them; another district does not
        for (String reader : List.of("staff.shangjie", "leader.shangjie", "approver.ndrc", "leader.city", "admin")) {
            as(reader).get("/api/projects/" + id + "/materials").then().statusCode(200)
                    .body("size()", equalTo(7)).body("[0].id", equalTo(pdfId));
        }
        as("staff.xinzheng").get("/api/projects/" + id + "/materials").then().statusCode(403)
                .contentType("application/problem+json");
        as("staff.xinzheng").get("/api/projects/" + id + "/materials/" + pdfId).then().statusCode(403)
                .contentType("application/problem+json");

        // the download: the very bytes, the sniffed type, the Chinese name and an ASCII fallback
        Response download = as("leader.shangjie").get("/api/projects/" + id + "/materials/" + photoId);
        download.then().statusCode(200).contentType("image/jpeg");
        assertThat(download.asByteArray()).isEqualTo(dated);
        assertThat(MaterialFiles.sha256(download.asByteArray())).isEqualTo(MaterialFiles.sha256(dated));
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''%E6%A1%A9%E5%9F%BA%E6%96%BD%E5%B7%A5%E7%8E%B0%E5%9C%BA.jpg");
        assertThat(download.header("Content-Disposition").split(";")[1]).matches("[\\x20-\\x7E]+");

        // the events: MaterialAdded with what the ledger needs, then MaterialRemoved
        EventEnvelope added = Kafka.awaitProjectEvent(id, 2);
        assertThat(added.type()).isEqualTo("pipeline.project.material-added.v1");
        MaterialAdded a = (MaterialAdded) added.data();
        assertThat(a.kind()).isEqualTo(MaterialKind.APPROVAL_DOC);
        assertThat(a.sha256()).isEqualTo(MaterialFiles.sha256(MaterialFiles.pdf()));
        assertThat(a.district()).isEqualTo(Api.SHANGJIE);

        // delete before 入库: staff of the district (not the leader, not another district)
        as("leader.shangjie").delete("/api/projects/" + id + "/materials/" + pdfId).then().statusCode(403);
        as("staff.xinzheng").delete("/api/projects/" + id + "/materials/" + pdfId).then().statusCode(403);
        as(STAFF).delete("/api/projects/" + id + "/materials/" + pdfId).then().statusCode(204);
        as(STAFF).get("/api/projects/" + id + "/materials/" + pdfId).then().statusCode(404)
                .contentType("application/problem+json");
        as(STAFF).delete("/api/projects/" + id + "/materials/" + pdfId).then().statusCode(404);
        assertThat(ObjectStoreResource.objectsUnder(objects(id))).isEqualTo(6);
        long version = Api.version(id);
        assertThat(version).isEqualTo(9); // registration, 7 uploads, 1 delete
        EventEnvelope removed = Kafka.awaitProjectEvent(id, version);
        assertThat(removed.data()).isInstanceOf(MaterialRemoved.class);
        assertThat(((MaterialRemoved) removed.data()).materialId().toString()).isEqualTo(pdfId);
        as("admin").delete("/api/projects/" + id + "/materials/" + photoId).then().statusCode(204);
    }

    @Test
    void afterAdmissionMaterialsCanBeAddedButNotDeleted() {
        String id = Approvals.admitted();
        String mid = upload(STAFF, id, "CONTRACT", "施工合同.pdf", MaterialFiles.pdf()).then().statusCode(201)
                .extract().jsonPath().getString("id");
        as(STAFF).delete("/api/projects/" + id + "/materials/" + mid).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:material-locked"));
        as("admin").delete("/api/projects/" + id + "/materials/" + mid).then().statusCode(409);
        as(STAFF).get("/api/projects/" + id + "/materials").then().statusCode(200).body("id", hasItem(mid));
        assertThat(ObjectStoreResource.objectsUnder(objects(id))).isEqualTo(1);
    }

    @Test
    void hostileUploadsAreRefusedWithProblemDocuments() {
        String id = Api.registered();
        // not one of the types, whatever the name says
        for (byte[] wrong : List.of("项目名称,总投资\n".getBytes(StandardCharsets.UTF_8),
                "GIF89a\1\0\1\0".getBytes(StandardCharsets.US_ASCII), MaterialFiles.plainZip(),
                "PK\3\4 not a zip at all".getBytes(StandardCharsets.US_ASCII))) {
            upload(STAFF, id, "APPROVAL_DOC", "备案证明.pdf", wrong).then().statusCode(415)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:pipeline:problem:unsupported-file"))
                    .body("violations[0].field", equalTo("file"));
        }
        upload(STAFF, id, "CONTRACT", "空文件.pdf", new byte[0]).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("file"))
                .body("violations[0].code", equalTo("empty-file"));
        // the kind: missing, unknown; the file: missing
        upload(STAFF, id, null, "a.pdf", MaterialFiles.pdf()).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("kind"))
                .body("violations[0].code", equalTo("required"));
        upload(STAFF, id, "PHOTO", "a.pdf", MaterialFiles.pdf()).then().statusCode(400)
                .body("violations[0].field", equalTo("kind")).body("violations[0].code", equalTo("invalid-value"));
        upload(STAFF, id, "CONTRACT", null, null).then().statusCode(400)
                .body("violations[0].field", equalTo("file")).body("violations[0].code", equalTo("required"));
        // one byte over 20 MB: counted by the service
        byte[] over = new byte[20_000_001];
        System.arraycopy(MaterialFiles.pdf(), 0, over, 0, MaterialFiles.pdf().length);
        upload(STAFF, id, "CONTRACT", "合同.pdf", over).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:upload-too-large"))
                .body("violations[0].field", equalTo("file"));
        // 21 MB: refused by its Content-Length before it is read, still as a problem document
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(MaterialFiles.pdf(), 0, huge, 0, MaterialFiles.pdf().length);
        upload(STAFF, id, "CONTRACT", "合同.pdf", huge).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:upload-too-large"));
        // path-like and odd names keep only their last segment, without control characters, cut to 100
        upload(STAFF, id, "OTHER", "../../etc/passwd", MaterialFiles.pdf()).then().statusCode(201)
                .body("name", equalTo("passwd"));
        upload(STAFF, id, "OTHER", "C:\\Users\\张三\\施工合同.pdf", MaterialFiles.pdf()).then().statusCode(201)
                .body("name", equalTo("施工合同.pdf"));
        upload(STAFF, id, "OTHER", "合同\u0007\u202e.pdf", MaterialFiles.pdf()).then().statusCode(201)
                .body("name", equalTo("合同.pdf"));
        upload(STAFF, id, "OTHER", "../", MaterialFiles.pdf()).then().statusCode(201)
                .body("name", equalTo("入库资料.pdf"));
        String longName = "很".repeat(150) + ".pdf";
        String cut = upload(STAFF, id, "OTHER", longName, MaterialFiles.pdf()).then().statusCode(201)
                .extract().jsonPath().getString("name");
        assertThat(cut).hasSize(100).endsWith("很.pdf");
        // roles and districts
        upload("leader.shangjie", id, "CONTRACT", "合同.pdf", MaterialFiles.pdf()).then().statusCode(403)
                .contentType("application/problem+json");
        upload("approver.ndrc", id, "CONTRACT", "合同.pdf", MaterialFiles.pdf()).then().statusCode(403);
        upload("staff.xinzheng", id, "CONTRACT", "合同.pdf", MaterialFiles.pdf()).then().statusCode(403)
                .contentType("application/problem+json");
        upload(STAFF, java.util.UUID.randomUUID().toString(), "CONTRACT", "合同.pdf", MaterialFiles.pdf()).then()
                .statusCode(404);
        // only the five accepted uploads were stored
        as(STAFF).get("/api/projects/" + id + "/materials").then().statusCode(200).body("size()", equalTo(5));
        assertThat(ObjectStoreResource.objectsUnder(objects(id))).isEqualTo(5);
        assertThat(Api.version(id)).isEqualTo(6);
    }

    @Test
    void aFailedDatabaseWriteLeavesNoRowAndNoObject() {
        String id = Api.registered();
        upload(STAFF, id, "CONTRACT", "施工合同.pdf", MaterialFiles.pdf(), "\"1\"").then().statusCode(201)
                .header("ETag", "\"2\"");
        // the project is at version 2 now: an upload naming version 1 loses after its object was stored
        upload(STAFF, id, "SITE_PHOTO", "现场.jpg", MaterialFiles.jpeg(), "\"1\"").then().statusCode(409)
                .contentType("application/problem+json");
        as(STAFF).get("/api/projects/" + id + "/materials").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].kind", equalTo("CONTRACT"));
        assertThat(ObjectStoreResource.objectsUnder(objects(id))).isEqualTo(1);
        assertThat(Api.version(id)).isEqualTo(2);
        // a withdrawn project takes no more files (refused before anything is stored)
        as(STAFF).body(Map.of("to", "WITHDRAWN", "reason", "项目终止")).post("/api/projects/" + id + "/transitions")
                .then().statusCode(200);
        upload(STAFF, id, "OTHER", "x.pdf", MaterialFiles.pdf()).then().statusCode(409);
        assertThat(ObjectStoreResource.objectsUnder(objects(id))).isEqualTo(1);
    }

    @Test
    void uploadsAtOnceWithoutIfMatchAreAllStored() throws Exception {
        String id = Api.registered();
        int n = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "现场照片-" + i + ".png";
                answers.add(pool.submit(() -> upload(STAFF, id, "SITE_PHOTO", name, MaterialFiles.png()).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        // each upload waited for the one before on the project's row: n rows, n objects, n versions, no 409
        as(STAFF).get("/api/projects/" + id + "/materials").then().statusCode(200).body("size()", equalTo(n));
        assertThat(ObjectStoreResource.objectsUnder(objects(id))).isEqualTo(n);
        assertThat(Api.version(id)).isEqualTo(1 + n);
    }

    @Test
    void aLostObjectIsAProblemNotAServerError() throws Exception {
        String id = Api.registered();
        String mid = upload(STAFF, id, "CONTRACT", "施工合同.pdf", MaterialFiles.pdf()).then().statusCode(201)
                .extract().jsonPath().getString("id");
        Files.delete(ObjectStoreResource.objectFile("projects/" + id + "/" + mid));
        as(STAFF).get("/api/projects/" + id + "/materials/" + mid).then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:pipeline:problem:material-object-missing"));
    }

    @Test
    void theOpenApiDocumentTellsTheUpload() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        String materials = "paths.'/api/projects/{id}/materials'";
        assertThat(doc.getMap(materials + ".post.responses"))
                .containsKeys("201", "400", "401", "403", "404", "409", "413", "415", "503");
        for (String status : List.of("400", "403", "413", "415")) {
            assertThat(doc.getMap(materials + ".post.responses.'" + status + "'.content")).as(status)
                    .containsKey("application/problem+json");
        }
        assertThat(doc.getMap(materials + ".post.requestBody.content")).containsKey("multipart/form-data");
        assertThat(doc.getMap(materials + ".get.responses")).containsKeys("200", "401", "403", "404");
        String one = "paths.'/api/projects/{id}/materials/{mid}'";
        assertThat(doc.getMap(one + ".get.responses")).containsKeys("200", "403", "404", "502", "503");
        assertThat(doc.getMap(one + ".delete.responses")).containsKeys("204", "403", "404", "409");
        Map<String, Object> takenOn = doc.getMap("components.schemas.Material.properties.takenOn");
        assertThat(String.valueOf(takenOn)).as(String.valueOf(takenOn)).contains("null");
    }
}
