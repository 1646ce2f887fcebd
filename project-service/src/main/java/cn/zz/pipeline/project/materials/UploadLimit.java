package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an oversized material upload by its Content-Length before a byte of it is read, with the same problem+json
 * 413 as {@link MaterialService}'s own count (which still applies to uploads without a length). Without this, a body
 * beyond {@code quarkus.http.limits.max-body-size} would get the HTTP layer's bare 413.
 */
@ApplicationScoped
public class UploadLimit {

    /** Room for the multipart envelope (boundaries, part headers, the kind field) around the file. */
    static final long MULTIPART_SLACK = 64 * 1024;

    void install(@Observes Router router, MaterialsConfig config, ObjectMapper mapper) throws JsonProcessingException {
        long limit = config.maxBytes() + MULTIPART_SLACK;
        String body = mapper.writeValueAsString(MaterialService.tooLarge(config.maxBytes())
                .toProblem("/api/projects/{id}/materials"));
        // ahead of the body handler (RouteConstants.ROUTE_ORDER_BODY_HANDLER), which reads multipart uploads
        router.routeWithRegex(HttpMethod.POST, "/api/projects/[^/]+/materials/?").order(Integer.MIN_VALUE)
                .handler(ctx -> {
                    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && exceeds(length, limit)) {
                        ctx.response().setStatusCode(413)
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                .putHeader(HttpHeaders.CONNECTION, "close")
                                .end(body);
                        return;
                    }
                    ctx.next();
                });
    }

    private static boolean exceeds(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // malformed: the HTTP layer answers it
        }
    }
}
