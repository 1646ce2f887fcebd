package cn.zz.pipeline.platform.openapi;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The statuses the platform itself answers for any operation, whatever the resource does: 401 and 403 from the
 * security layer, 400 from parameter and body binding, 415 for a body in a media type the operation does not take,
 * 503 with Retry-After when a dependency is down.
 * A resource that documents one of them itself keeps its own description.
 */
final class StandardResponses {

    private StandardResponses() {
    }

    static void addTo(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        if (secured(operation)) {
            addIfMissing(responses, "401", "未登录或令牌无效 (no token, or an invalid or expired one)");
            addIfMissing(responses, "403", "角色无权执行此操作 (the caller's role may not do this)");
        }
        List<Parameter> parameters = operation.getParameters();
        boolean takesInput = operation.getRequestBody() != null || parameters != null && !parameters.isEmpty();
        if (takesInput) {
            addIfMissing(responses, "400", "参数或请求体不合规 (a parameter or the body breaks a rule): the problem"
                    + " document names each field and rule in violations[]");
        }
        addUnavailable(responses);
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "415", "请求体的媒体类型不受支持 (the body's Content-Type is not one this"
                    + " operation takes)");
        }
    }

    /** Any operation: its database (or another dependency) is down, or the balancer has no instance up. */
    private static void addUnavailable(APIResponses responses) {
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse().description("服务暂不可用 (the database or"
                    + " another dependency cannot be reached, or no instance of the service is up): retry after"
                    + " Retry-After"));
        }
        APIResponse unavailable = responses.getAPIResponse("503");
        if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey("Retry-After")) {
            unavailable.addHeader("Retry-After", OASFactory.createHeader()
                    .description("seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)));
        }
    }

    private static boolean secured(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }
}
