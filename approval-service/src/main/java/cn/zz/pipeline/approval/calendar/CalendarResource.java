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
 * The working-day calendar (工作日历) by year: every signed-in role reads it, admin maintains it when the State
 * Council publishes the next year's schedule. The version of a year is its ETag; a PUT needs it in If-Match.
 */
@Path("/api/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工作日历 Working-day calendar", description = "按年度维护的法定节假日和调休上班日，审批时限按工作日计时使用"
        + " (public holidays and make-up workdays by year, for time limits counted in working days)")
public class CalendarResource {

    private static final String YEAR = "年度 2000 到 2100 (year)";

    @Inject
    WorkCalendars calendars;

    @Inject
    CurrentUser user;

    /** 200 also for a year nobody configured (configured=false, version 0, Monday to Friday); 404 outside 2000..2100. */
    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.STAFF, Roles.APPROVER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "某年的工作日历 Holidays and make-up workdays of a year", description = "未维护的年度也为 200："
            + "configured=false，版本 0，按周一至周五计 (200 also for a year nobody configured: version 0, Monday to"
            + " Friday)")
    @APIResponse(responseCode = "200", description = "该年的日历 (the year's calendar)",
            headers = @Header(name = "ETag", description = "该年日历的版本，PUT 时作 If-Match (the year's version, e.g."
                    + " \"2\"; send it as If-Match to PUT)", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "404", description = "不是 2000 到 2100 之间的年度 (not a year of 2000..2100)")
    public Response get(@Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
            maximum = "2100"), example = "2027") @PathParam("year") String year) {
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
    @Operation(summary = "维护某年的工作日历 Replace the holidays and make-up workdays of a year",
            description = "管理员提交全年日程，替换原有内容 (admin sends the whole schedule of the year)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarBody.class), examples = @ExampleObject(name = "国庆 National Day",
            value = "{\"holidays\": [{\"date\": \"2027-10-01\", \"name\": \"国庆节\"}, {\"date\": \"2027-10-04\","
                    + " \"name\": \"国庆节\"}], \"workdays\": [{\"date\": \"2027-10-09\", \"name\": \"国庆节调休\"}]}")))
    @APIResponse(responseCode = "200", description = "保存后的日历 (the year's calendar as saved)",
            headers = @Header(name = "ETag", description = "新版本 (the new version, e.g. \"3\")",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "400", description = "日程有误，violations 逐项列出 (every invalid entry: required,"
            + " invalid-format, not-in-year, duplicate, conflict, not-a-weekend, NotBlank, Size, PlainText), or"
            + " If-Match malformed")
    @APIResponse(responseCode = "404", description = "不是 2000 到 2100 之间的年度 (not a year of 2000..2100)")
    @APIResponse(responseCode = "409", description = "If-Match 版本过期，或他人同时保存 (stale-version)")
    @APIResponse(responseCode = "428", description = "缺少 If-Match (If-Match with the year's ETag is required)")
    public Response put(@Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
                                maximum = "2100"), example = "2027") @PathParam("year") String year,
                        @Parameter(description = "该年日历的当前版本，取自 GET 的 ETag；缺少为 428，过期为 409 (the year's"
                                + " version from GET's ETag; 428 without it, 409 when stale)",
                                schema = @Schema(type = SchemaType.STRING), example = "\"0\"")
                        @HeaderParam("If-Match") String ifMatch, CalendarBody body) {
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
