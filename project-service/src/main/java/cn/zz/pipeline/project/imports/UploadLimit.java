package cn.zz.pipeline.project.imports;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an oversized ledger upload by its Content-Length, before a byte of it is read, with the same
 * problem+json 413 as the import's own check (which still counts the bytes of uploads without a length). Without
 * this, a body beyond {@code quarkus.http.limits.max-body-size} would get the HTTP layer's bare 413.
 */
@ApplicationScoped
public class UploadLimit {

    /** Room for the multipart envelope (boundaries, part headers) around the file. */
    static final long MULTIPART_SLACK = 64 * 1024;

    void install(@Observes Router router, LedgerImport importer, ObjectMapper mapper) throws JsonProcessingException {
        long limit = importer.maxBytes() + MULTIPART_SLACK;
        ApiException tooLarge = XlsxUpload.tooLarge(importer.maxBytes());
        String body = mapper.writeValueAsString(tooLarge.toProblem("/api/projects/import"));
        // ahead of the body handler (RouteConstants.ROUTE_ORDER_BODY_HANDLER), which reads multipart uploads
        router.post("/api/projects/import").order(Integer.MIN_VALUE).handler(ctx -> {
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
