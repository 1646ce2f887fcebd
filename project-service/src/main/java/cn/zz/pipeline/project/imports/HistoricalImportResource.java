package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectFacts;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import cn.zz.pipeline.project.lifecycle.ProjectView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Historical import for migration (admin only): {@code POST /api/admin/projects/historical} with one flat JSON object,
 * the fields of {@code POST /api/projects} plus those of {@link HistoricalRecord}:
 * <pre>
 * {"name": "...", "ownerName": "...", ..., "plannedStart": "2024-03-01",
 *  "registeredAt": "2024-01-10T10:30:00+08:00", "code": "2024-410106-01-01-00017X",
 *  "declaredOn": "2024-02-01", "admittedOn": "2024-03-15", "startedOn": "2024-05-08",
 *  "reports": [{"period": "2024-03", "amount": 1200}, {"period": "2024-04", "amount": 2500}],
 *  "plans": [{"year": 2024, "amount": 20000}]}
 * </pre>
 * 201 + Location with the project in its final stage; 400/422 listing every violation; 409 when the code (or the
 * project) exists. See {@link HistoricalImport} for the events it emits.
 */
@Path("/api/admin/projects/historical")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "历史数据导入 Historical import", description = "管理员迁移历史项目：以最终阶段建立项目并补发其历史事件"
        + " (admin: bring in a project with its history, its events replayed)")
public class HistoricalImportResource {

    /** JSON names of the historical part; every other member belongs to the facts. */
    static final Set<String> HISTORICAL_FIELDS = Arrays.stream(HistoricalRecord.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    private static final String EXAMPLE = "{\"name\": \"奥克斯智能空调基地\", \"ownerName\": \"河南奥克斯智能电气有限公司\","
            + " \"ownerCreditCode\": \"91410100MA44R8XK0H\", \"district\": \"410106\", \"industry\": \"C3851\","
            + " \"constructionType\": \"NEW\", \"projectType\": \"01\", \"totalInvestment\": 65000,"
            + " \"landArea\": 200, \"annualOutput\": 120000, \"annualTax\": 8000, \"takesNewLand\": true,"
            + " \"eiaCategory\": \"REPORT_FORM\", \"privateInvestment\": true,"
            + " \"plannedStart\": \"2024-03-01\", \"plannedProduction\": \"2026-12-31\","
            + " \"registeredAt\": \"2024-01-10T10:30:00+08:00\", \"declaredOn\": \"2024-02-01\","
            + " \"admittedOn\": \"2024-03-15\", \"startedOn\": \"2024-05-08\","
            + " \"reports\": [{\"period\": \"2024-03\", \"amount\": 1200},"
            + " {\"period\": \"2024-04\", \"amount\": 2500}],"
            + " \"plans\": [{\"year\": 2024, \"amount\": 20000}, {\"year\": 2025, \"amount\": 30000}]}";

    @Inject
    HistoricalImport historical;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "历史数据导入 Import a project with its history (admin)", description = "一个扁平 JSON 对象："
            + "POST /api/projects 的项目信息，加原登记时间、项目代码、各阶段日期、月报 (reports) 和年度计划 (plans)。项目以最终"
            + "阶段建立，并按原时间发出实时项目会发出的全部事件（登记、阶段变更、年度计划、月报），原因为“历史数据导入”。"
            + "年度计划规则同 PUT /api/projects/{id}/plans/{year}；导入后 GET /api/projects/{id}/plans 可见。同一项目代码"
            + "再次导入为 409，不写入任何数据。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {ProjectFacts.class, HistoricalRecord.class}),
            examples = @ExampleObject(name = "开工项目 a started project", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "已导入：项目的最终状态，Location 为项目地址 the imported project",
            headers = {@Header(name = "ETag", description = "项目版本 = 事件数 the project's version, e.g. \"12\"",
                    schema = @Schema(type = SchemaType.STRING)), @Header(name = "Location",
                    description = ApiDocs.LOCATION, schema = @Schema(type = SchemaType.STRING, format = "uri"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "字段格式有误（violations 逐项列出，如 reports[0].period、"
            + "plans[1].amount 的 out-of-range / too-many-decimals、plans[0].year 缺失），同时列出历史不一致之处",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "缺少或无效的访问令牌 no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "仅管理员可导入 admin only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "项目代码已存在 (code-exists)、序号已被占用 (serial-taken) 或项目已登记"
            + " (already-registered)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "历史数据不一致 (inconsistent-history)，逐项列出：阶段日期顺序、月报期间、"
            + "年度计划的年度（before-project-life、after-project-life、too-far-ahead、duplicate-year、"
            + "plan-after-withdrawal）等", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response importProject(JsonNode body, @Context UriInfo uri) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(new Violation("", "invalid-type",
                    "请求体应为 JSON 对象：项目信息加 registeredAt、阶段日期、reports 和 plans (a JSON object)", null, null));
        }
        ObjectNode facts = mapper.createObjectNode();
        ObjectNode history = mapper.createObjectNode();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            (HISTORICAL_FIELDS.contains(name) ? history : facts).set(name, body.get(name));
        }
        // Type errors answer 400 naming the field (ProblemMappers); unknown members too.
        ProjectFacts command = mapper.treeToValue(facts, ProjectFacts.class);
        HistoricalRecord record = mapper.treeToValue(history, HistoricalRecord.class);
        Project p = historical.importProject(command, record, user.name());
        return Response.created(uri.getBaseUriBuilder().path("api/projects").path(p.id().toString()).build())
                .tag(ProjectResource.etag(p))
                .entity(ProjectView.of(p)).build();
    }
}
