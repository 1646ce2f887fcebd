package cn.zz.pipeline.reporting.campaigns;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The 三个一批 campaign report (签约一批、开工一批、投产一批) within the caller's district scope. A campaign is known here
 * from its first entry event on; project-service owns the campaigns themselves.
 */
@Path("/api/reports/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "三个一批 Campaigns", description = "签约一批、开工一批、投产一批的完成情况 (the 三个一批 campaigns' completion)")
public class CampaignReportResource {

    static final String DISTRICT = "区县代码或全市前缀（410106 上街区，4101 全市），须在本人范围内；缺省为本人全部范围"
            + " (region code or prefix within your district; absent: your whole district)";

    @Inject
    CampaignReports reports;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "三个一批活动列表 (the campaigns known, latest due date first, with their projects in scope)")
    @APIResponse(responseCode = "200", description = "活动列表 (the campaigns)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignSummary.Page.class)))
    public CampaignSummary.Page campaigns(@Parameter(description = DISTRICT, schema = @Schema(type = SchemaType.STRING,
            pattern = ParamDocs.DISTRICT_PATTERN), example = "410106") @QueryParam("district") String district) {
        String scope = user.scope(district);
        return new CampaignSummary.Page(scope, reports.campaigns(scope));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "三个一批完成情况 (a campaign: per list and district count, amount 万元, done by the due date,"
            + " rate; districts ranked by rate; the projects with their state)")
    @APIResponse(responseCode = "200", description = "活动完成情况 (the campaign report)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignReport.class)))
    @APIResponse(responseCode = "404", description = "本服务尚未收到该活动的任何项目 (no entry of this campaign has"
            + " arrived here; type urn:pipeline:problem:not-found)")
    public CampaignReport campaign(@Parameter(description = "活动 id (campaign id)",
            schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("id") String id,
                                   @Parameter(description = DISTRICT, schema = @Schema(type = SchemaType.STRING,
            pattern = ParamDocs.DISTRICT_PATTERN), example = "410106") @QueryParam("district") String district) {
        String scope = user.scope(district);
        return reports.report(Params.pathId("三个一批活动 (campaign)", id), scope)
                .orElseThrow(() -> ApiException.notFound("三个一批活动 (campaign)", Params.cut(id)));
    }
}
