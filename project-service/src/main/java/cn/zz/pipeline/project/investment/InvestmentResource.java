package cn.zz.pipeline.project.investment;

import cn.zz.pipeline.project.api.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import cn.zz.pipeline.platform.web.Params;
import cn.zz.pipeline.project.lifecycle.ProjectResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A project's monthly completed investment (完成投资额月报): report or correct a period, and the project's ledger. */
@Path("/api/projects/{id}/investments")
@Tag(name = "完成投资 Investment", description = "入库项目的完成投资额月报（1-N月累计，万元）与台账"
        + " (monthly cumulative completed investment of admitted projects, and the ledger)")
@Produces(MediaType.APPLICATION_JSON)
public class InvestmentResource {

    @Inject
    InvestmentService investments;

    @Inject
    CurrentUser user;

    /**
     * Reports the cumulative completed investment 1-N月 of a period (yyyy-MM, 万元). 200 with the report (also when
     * nothing changed); 409 before admission; 422 for January (folded into yyyy-02), a future period (every rule the
     * period breaks), or an implausible figure without a reason.
     */
    @PUT
    @Path("/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "填报或更正一期完成投资 Report or correct a period", description = "1-N月累计完成投资（万元）。"
            + "1月并入1-2月，不单独填报；不能填报未来期间；累计数下降或超过总投资须说明原因。同一数字再次提交不作改变。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportInvestment.class), examples = {
                    @ExampleObject(name = "填报 report", value = "{\"amount\": 1200.5}"),
                    @ExampleObject(name = "更正 correct", value = "{\"amount\": 1100, \"reason\": \"统计口径调整\"}")}))
    @APIResponse(responseCode = "200", description = "该期月报 (the period's report)",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvestmentViews.Report.class)))
    @APIResponse(responseCode = "400", description = "period 不是 yyyy-MM，amount 缺失、为负或多于 4 位小数，reason 过长，"
            + "If-Match 格式有误 (each invalid field listed)")
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_WRITE)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    @APIResponse(responseCode = "409", description = "项目尚未入库 (not-admitted)，If-Match 版本过期 (stale-version)，"
            + "或项目已撤销 (project-closed)")
    @APIResponse(responseCode = "422", description = "1月 (january-folded)、未来期间 (future-period) 或超出范围的期间；"
            + "数字异常而未说明原因 (reason-required)")
    public Response report(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(type = SchemaType.STRING,
                                   format = "uuid")) @PathParam("id") String id,
                           @Parameter(description = "期间 yyyy-MM (period)", schema = @Schema(type = SchemaType.STRING,
                                   pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-11"))
                           @PathParam("period") String period,
                           @Parameter(description = ApiDocs.IF_MATCH, schema = @Schema(type = SchemaType.STRING,
                                   example = "\"7\"")) @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ReportInvestment body) {
        InvestmentService.Outcome outcome = investments.report(Params.pathId("项目 project", id),
                Params.period("period", period), body, ifMatch, user);
        return Response.ok(InvestmentViews.Report.of(outcome.report(), null))
                .tag(ProjectResource.etag(outcome.project())).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "项目的完成投资台账 A project's investment ledger", description = "各期月报及其更正记录")
    @APIResponse(responseCode = "200", description = "台账 (the ledger)")
    @APIResponse(responseCode = "403", description = ApiDocs.FORBIDDEN_READ)
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_PROJECT)
    public InvestmentViews.Ledger ledger(@Parameter(description = ApiDocs.PROJECT_ID, schema = @Schema(
            type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return InvestmentViews.Ledger.of(investments.ledger(Params.pathId("项目 project", id), user));
    }
}
