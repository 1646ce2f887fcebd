package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.reporting.stats.Period;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The reports against totals recomputed from the events ({@link Reconciliation}). Reads the whole project topic: an
 * operator's check, not a page.
 */
@Path("/api/admin/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "运维 Operations", description = "管理员：重建读模型、对账、事件流位置 (admin: rebuild, reconciliation,"
        + " event streams)")
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    @Inject
    Today today;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Report totals against totals recomputed from the events (YTD per district, stage counts)")
    @APIResponse(responseCode = "200", description = "对账结果 (the reconciliation)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reconciliation.Result.class)))
    public Reconciliation.Result check(
            @Parameter(description = ParamDocs.YEAR, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
                    maximum = "2100"), example = "2025") @QueryParam("year") String year,
            @Parameter(description = ParamDocs.MONTH, schema = @Schema(type = SchemaType.INTEGER, minimum = "2",
                    maximum = "12"), example = "6") @QueryParam("month") String month) {
        return reconciliation.check(Period.of(year, month, today.date()));
    }
}
