package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.platform.problem.ApiException;
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
 *  "reports": [{"period": "2024-03", "amount": 1200}, {"period": "2024-04", "amount": 2500}]}
 * </pre>
 * 201 + Location with the project in its final stage; 400/422 listing every violation; 409 when the code (or the
 * project) exists. See {@link HistoricalImport} for the events it emits.
 */
@Path("/api/admin/projects/historical")
@Produces(MediaType.APPLICATION_JSON)
public class HistoricalImportResource {

    /** JSON names of the historical part; every other member belongs to the facts. */
    static final Set<String> HISTORICAL_FIELDS = Arrays.stream(HistoricalRecord.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    @Inject
    HistoricalImport historical;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response importProject(JsonNode body, @Context UriInfo uri) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(new Violation("", "invalid-type",
                    "请求体应为 JSON 对象：项目信息加 registeredAt、阶段日期和 reports (a JSON object)", null, null));
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
