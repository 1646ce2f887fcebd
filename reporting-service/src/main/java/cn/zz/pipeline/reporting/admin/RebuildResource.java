package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.platform.consumer.ConsumerRunner;
import cn.zz.pipeline.platform.consumer.ReplayStatus;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.security.Roles;
import cn.zz.pipeline.reporting.projection.ReadModels;
import cn.zz.pipeline.reporting.projection.ReportingProjection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import java.net.URI;

/**
 * Drops the read models (and the consumer's stream positions) and replays both topics from the start (restated
 * bases, set by admin, are kept). The replay runs on the projection's own consumer, so it applies the events exactly
 * as live processing does and ends with the same numbers; reports show partial figures until it is DONE.
 */
@Path("/api/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "运维 Operations")
public class RebuildResource {

    @Inject
    ConsumerRunner runner;

    @Inject
    ReadModels readModels;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the read models from the topics; 202 with the progress, 409 while one runs")
    @APIResponse(responseCode = "202", description = "已开始重建；Location 为进度地址 (started; Location = the progress)",
            headers = @Header(name = "Location", description = "进度地址 /api/admin/rebuild (where the progress is)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReplayStatus.class)))
    @APIResponse(responseCode = "409", description = "重建正在进行中 (a rebuild is under way)")
    @APIResponse(responseCode = "503", description = "事件消费未运行，无法重建 (the consumer is not running)")
    public Response rebuild() {
        ReplayStatus status;
        try {
            status = runner.replay(ReportingProjection.NAME, readModels::drop);
        } catch (IllegalStateException e) {
            if (runner.replayStatus(ReportingProjection.NAME).isEmpty()) {
                throw new ApiException(503, "consumer-not-running", "事件消费未运行，无法重建 (the consumer is not running)",
                        e.getMessage(), java.util.List.of());
            }
            throw ApiException.conflict("rebuild-running", "重建正在进行中 (a rebuild is under way)");
        }
        return Response.accepted(status).location(URI.create("/api/admin/rebuild")).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Progress of the last rebuild: records replayed of the total, events per second, state")
    @APIResponse(responseCode = "200", description = "最近一次重建的进度 (the last rebuild's progress)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayStatus.class)))
    @APIResponse(responseCode = "404", description = "服务启动以来未重建过 (no rebuild since start-up)")
    public ReplayStatus status() {
        return runner.replayStatus(ReportingProjection.NAME)
                .orElseThrow(() -> ApiException.notFound("重建任务", "since start-up"));
    }
}
