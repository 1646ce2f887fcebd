package cn.zz.pipeline.reporting.ledger;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.platform.web.Attachment;
import cn.zz.pipeline.platform.web.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The four ledgers (进展跟踪、手续办理、问题解决、入库管理) within the caller's district: a JSON page, or with
 * {@code ?format=xlsx} or {@code Accept: }{@value XlsxLedger#MEDIA_TYPE} the whole ledger as a workbook, streamed
 * from a database cursor into the response.
 */
@Path("/api/ledgers")
public class LedgerResource {

    private static final Logger LOG = Logger.getLogger(LedgerResource.class);
    private static final MediaType XLSX = MediaType.valueOf(XlsxLedger.MEDIA_TYPE);

    @Inject
    LedgerQueries queries;

    @Inject
    CurrentUser user;

    @Inject
    Today today;

    @GET
    @Path("/{ledger}")
    @Produces({MediaType.APPLICATION_JSON, XlsxLedger.MEDIA_TYPE})
    @RolesAllowed({Roles.STAFF, Roles.LEADER, Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "A ledger (progress|procedures|problems|admission) as a JSON page {items,total,page,size}"
            + " (problems: also summary), or the whole ledger as .xlsx (?format=xlsx or Accept)")
    public Response ledger(@PathParam("ledger") String name, @QueryParam("district") String district,
                           @QueryParam("year") String year, @QueryParam("state") String state,
                           @QueryParam("overdue") String overdue, @QueryParam("page") String page,
                           @QueryParam("size") String size, @QueryParam("format") String format,
                           @Context HttpHeaders headers) {
        Ledger ledger = Ledger.byPath(name).orElseThrow(() -> ApiException.notFound("台账 ledger", Params.cut(name)));
        boolean xlsx = xlsx(format, headers.getAcceptableMediaTypes());
        String region = user.scope(district);
        LocalDate date = today.date();
        LedgerFilter filter = new LedgerFilter(region, Params.intParam("year", year, date.getYear(), 2000, 2100),
                Params.enumParam("state", state, Labels.TaskState.class), Params.bool("overdue", overdue), date);
        if (!xlsx) {
            Object body = queries.page(ledger, filter, Params.intParam("page", page, 1, 1, 100_000),
                    Params.intParam("size", size, 50, 1, 200));
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> {
            long start = System.nanoTime();
            int rows = queries.writeXlsx(ledger, filter, out);
            LOG.infof("ledger %s (region %s) written as xlsx: %d rows in %d ms", ledger.path(), region, rows,
                    (System.nanoTime() - start) / 1_000_000);
        };
        String suffix = (region == null ? "all" : region) + "-"
                + (ledger.yearly() ? String.valueOf(filter.year()) : date.format(DateTimeFormatter.BASIC_ISO_DATE))
                + ".xlsx";
        return Response.ok(body, XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Attachment.contentDisposition(ledger.path() + "-ledger-" + suffix, ledger.title() + "-" + suffix))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** ?format= decides; without it, the most preferred of the two types the Accept header names. */
    static boolean xlsx(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(java.util.Locale.ROOT);
            if (f.equals("xlsx")) {
                return true;
            }
            if (f.equals("json")) {
                return false;
            }
            throw ApiException.badRequest(new Violation("format", "invalid-value", "取值无效：json 或 xlsx",
                    Params.cut(format), List.of("json", "xlsx")));
        }
        for (MediaType m : acceptable) {
            if (m.isWildcardType() || m.isWildcardSubtype()) {
                return false;
            }
            if (m.isCompatible(XLSX)) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
