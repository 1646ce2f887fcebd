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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The reports against totals recomputed from the events ({@link Reconciliation}). Reads the whole project topic: an
 * operator's check, not a page.
 */
@Path("/api/admin/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    @Inject
    Today today;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Report totals against totals recomputed from the events (YTD per district, stage counts)")
    public Reconciliation.Result check(@QueryParam("year") String year, @QueryParam("month") String month) {
        return reconciliation.check(Period.of(year, month, today.date()));
    }
}
