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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * Drops the read models (and the consumer's stream positions) and replays both topics from the start (restated
 * bases, set by admin, are kept). The replay runs on the projection's own consumer, so it applies the events exactly
 * as live processing does and ends with the same numbers; reports show partial figures until it is DONE.
 */
@Path("/api/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    ConsumerRunner runner;

    @Inject
    ReadModels readModels;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the read models from the topics; 202 with the progress, 409 while one runs")
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
    public ReplayStatus status() {
        return runner.replayStatus(ReportingProjection.NAME)
                .orElseThrow(() -> ApiException.notFound("重建任务", "since start-up"));
    }
}
