package cn.zz.pipeline.project;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Problem;
import cn.zz.pipeline.platform.problem.Violation;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

import java.util.List;

/** The size rule of the service's file uploads (ledger imports, 入库资料): one 413 problem and one early refusal. */
public final class Uploads {

    /** Room for the multipart envelope (boundaries, part headers, form fields) around the file. */
    static final long MULTIPART_SLACK = 64 * 1024;

    private Uploads() {
    }

    /**
     * The 413 of a file over {@code maxBytes}, naming {@code file}.
     *
     * @param what the Chinese name of what is uploaded, e.g. 入库资料每个文件
     * @param hint a Chinese hint after the limit, may be empty
     */
    public static ApiException tooLarge(long maxBytes, String what, String hint) {
        String limit = maxBytes % 1_000_000 == 0 ? maxBytes / 1_000_000 + " MB" : maxBytes + " 字节";
        return new ApiException(413, "upload-too-large", "文件过大 Upload too large",
                what + "不能超过 " + limit + hint + " (the upload exceeds " + limit + ")",
                List.of(new Violation("file", "upload-too-large", "文件不能超过 " + limit, null, maxBytes)));
    }

    /**
     * Refuses a POST to {@code pathRegex} by its Content-Length, before a byte of the body is read, with
     * {@code problemJson} (the same 413 the upload's own count gives bodies without a length). Without this, a body
     * beyond {@code quarkus.http.limits.max-body-size} would get the HTTP layer's bare 413.
     */
    public static void refuseOversized(Router router, String pathRegex, long maxBytes, String problemJson) {
        long limit = maxBytes + MULTIPART_SLACK;
        // ahead of the body handler (RouteConstants.ROUTE_ORDER_BODY_HANDLER), which reads multipart uploads
        router.routeWithRegex(HttpMethod.POST, pathRegex).order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length, limit)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problemJson);
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
