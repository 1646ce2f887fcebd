package cn.zz.pipeline.approval.calendar;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.web.IfMatch;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;


/**
 * The working-day calendar (工作日历) by year: every signed-in role reads it, admin maintains it when the State
 * Council publishes the next year's schedule. The version of a year is its ETag; a PUT needs it in If-Match.
 */
@Path("/api/calendars")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    WorkCalendars calendars;

    @Inject
    CurrentUser user;

    /** 200 also for a year nobody configured (configured=false, version 0, Monday to Friday); 404 outside 2000..2100. */
    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Holidays and make-up workdays of a year")
    public Response get(@PathParam("year") String year) {
        CalendarYearView view = calendars.year(year(year));
        return Response.ok(view).header("ETag", IfMatch.etag(view.version())).build();
    }

    /**
     * Replaces the year's schedule. 200 with the new version; 428 without If-Match, 409 when it is stale; 400 listing
     * every invalid entry.
     */
    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the holidays and make-up workdays of a year")
    public Response put(@PathParam("year") String year, @HeaderParam("If-Match") String ifMatch, CalendarBody body) {
        int y = year(year);
        long current = calendars.version(y);
        IfMatch.check(ifMatch, current, true, "工作日历");
        if (body == null) {
            throw ApiException.badRequest(new Violation("", "required", "请求体不能为空 (a JSON body is required)", null,
                    null));
        }
        CalendarYear schedule = body.toYear(y);
        // The save checks the version again in its write: of two admins saving from one version, one gets 409.
        CalendarYearView saved = calendars.save(y, schedule.holidays(), schedule.workdays(), user.name(), current);
        return Response.ok(saved).header("ETag", IfMatch.etag(saved.version())).build();
    }

    /** A path that is not a year of 2000..2100 names no calendar: 404. */
    private static int year(String raw) {
        if (raw != null && raw.matches("\\d{4}")) {
            int y = Integer.parseInt(raw);
            if (y >= WorkCalendars.FIRST_YEAR && y <= WorkCalendars.LAST_YEAR) {
                return y;
            }
        }
        throw ApiException.notFound("工作日历 calendar year", Params.cut(raw));
    }
}
