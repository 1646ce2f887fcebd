package cn.zz.pipeline.reporting.landstart;

import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** 拿地即开工: how soon after getting their land the year's started projects started. */
@Path("/api/reports/land-to-start")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "拿地即开工 Land to start", description = "拿地到开工的天数 (days from getting the land to 开工)")
public class LandToStartResource {

    @Inject
    LandToStartReport report;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @Operation(summary = "拿地即开工: days from LAND (拿地) to 开工 per district, for the projects started in the year",
            description = "Counted: projects whose 开工 date falls in the year, not withdrawn, whose milestone plan has"
                    + " a LAND node with an actual date. Days = 开工 date - LAND date; a start before the land date"
                    + " counts 0. median and p90 by nearest rank (the value at rank ceil(p × count) of the sorted"
                    + " days); withinShare = the share started within reporting.land-to-start-days (30) days.")
    @APIResponse(responseCode = "200", description = "Every district of the scope in code order, and the total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LandToStart.class)))
    @APIResponse(responseCode = "400", description = "year or district invalid (violations[].field names it: Range,"
            + " Pattern)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or an invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not leader, staff or admin, or district outside the caller's"
            + " scope (out-of-scope)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public LandToStart get(
            @Parameter(description = "年度 Year of the 开工 dates, 2000..2100; default this year", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100"))
            @QueryParam("year") String year,
            @Parameter(description = "区县代码或前缀 District (410106) or prefix (4101); default: the caller's scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = ParamDocs.DISTRICT_PATTERN),
                            example = "4101") @QueryParam("district") String district) {
        String scope = user.scope(district);
        return report.of(scope, Params.intParam("year", year, today.date().getYear(), 2000, 2100));
    }
}
