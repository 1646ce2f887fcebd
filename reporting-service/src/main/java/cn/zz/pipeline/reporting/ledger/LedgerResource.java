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
import cn.zz.pipeline.reporting.openapi.ParamDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "台账 Ledgers", description = "进展跟踪、手续办理、问题解决、入库管理四个台账，JSON 分页或 .xlsx"
        + " (the four ledgers, as a JSON page or a workbook)")
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
    @APIResponse(responseCode = "200", description = "JSON：一页（problems 另附 summary）；xlsx：整本台账的工作簿"
            + "（problems 另有汇总表），以附件下载 (a JSON page; or the whole ledger as a workbook attachment)",
            headers = @Header(name = "Content-Disposition", description = "xlsx：附件文件名 (the workbook's file name)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(anyOf = {
                    LedgerPages.ProgressPage.class, LedgerPages.ProceduresPage.class, LedgerQueries.ProblemsPage.class,
                    LedgerPages.AdmissionPage.class})),
                @Content(mediaType = XlsxLedger.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                        format = "binary"))})
    @APIResponse(responseCode = "400", description = "参数无效，violations 指明字段 (year, state, overdue, page, size,"
            + " format, district)")
    @APIResponse(responseCode = "404", description = "没有这个台账 (no such ledger)")
    public Response ledger(
            @Parameter(description = "台账：progress 进展跟踪、procedures 手续办理、problems 问题解决、admission 入库管理"
                    + " (the ledger)", schema = @Schema(type = SchemaType.STRING, enumeration = {"progress",
                    "procedures", "problems", "admission"})) @PathParam("ledger") String name,
            @Parameter(description = ParamDocs.DISTRICT, schema = @Schema(type = SchemaType.STRING,
                    pattern = ParamDocs.DISTRICT_PATTERN), example = "410106") @QueryParam("district") String district,
            @Parameter(description = "年度（进展跟踪、入库管理按年），2000–2100；缺省今年 (year of the yearly ledgers;"
                    + " default this year)", schema = @Schema(type = SchemaType.INTEGER, minimum = "2000",
                    maximum = "2100"), example = "2026") @QueryParam("year") String year,
            @Parameter(description = "手续办理：审批事项状态 (procedures: the task state)", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"PENDING", "RETURNED", "APPROVED", "REJECTED",
                    "CANCELLED"})) @QueryParam("state") String state,
            @Parameter(description = "手续办理：只看超期 (procedures: overdue only)", schema = @Schema(
                    type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Parameter(description = ParamDocs.PAGE + "；缺省 1", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100000", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = ParamDocs.SIZE + "；缺省 50", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size,
            @Parameter(description = "json（缺省）或 xlsx（整本台账）；不给时按 Accept (json or xlsx; without it, the"
                    + " Accept header decides)", schema = @Schema(type = SchemaType.STRING, enumeration = {"json",
                    "xlsx"})) @QueryParam("format") String format,
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
