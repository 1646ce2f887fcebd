package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.project.api.Pages;
import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.PageView;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;

/** The problem ledger (问题解决台账) across projects, within the caller's district scope; ordered by deadline. */
@Path("/api/problems")
@Tag(name = "问题台账 Problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemLedgerResource {

    @Inject
    ProjectProblemRepository problems;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "问题解决台账 The problem ledger", description = "调用者辖区内各项目的问题，按解决时限排序"
            + " (the problems of every project within the caller's scope, by deadline)")
    @APIResponse(responseCode = "200", description = "一页问题 (a page of problems)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.ProblemPage.class)))
    public PageView<ProblemView> list(
            @Parameter(description = "状态 (state): OPEN 未解决, RESOLVED 已解决",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "RESOLVED"}))
            @QueryParam("state") String state,
            @Parameter(description = "true 只看逾期的，false 只看未逾期的 (only overdue, or only not)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Parameter(description = ApiDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = "^[0-9]{2,6}$", example = "410106")) @QueryParam("district") String district,
            @Parameter(description = ApiDocs.PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100000", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = ApiDocs.SIZE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        String region = user.scope(district);
        LocalDate day = today.date();
        PageView<ProjectProblem> found = problems.ledger(region, Params.enumParam("state", state, ProblemState.class),
                Params.bool("overdue", overdue), day, Params.intParam("page", page, 1, 1, 100_000),
                Params.intParam("size", size, 20, 1, 200));
        return new PageView<>(found.items().stream().map(pr -> ProblemView.of(pr, pr.project(), day)).toList(),
                found.total(), found.page(), found.size());
    }
}
