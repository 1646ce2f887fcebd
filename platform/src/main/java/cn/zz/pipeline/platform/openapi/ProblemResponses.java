package cn.zz.pipeline.platform.openapi;

import cn.zz.pipeline.platform.problem.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error response (4xx, 5xx) of every operation is an RFC 9457 problem document: this gives each one the
 * {@code application/problem+json} content with the {@code Problem} schema, so that a resource documents an error
 * with its status and description alone.
 */
final class ProblemResponses {

    static final String SCHEMA_REF = "#/components/schemas/Problem";

    private ProblemResponses() {
    }

    static void describe(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (isError(status)) {
                describe(response);
            }
        });
    }

    private static void describe(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(SCHEMA_REF));
        }
        // An error never comes as anything but a problem document, whatever media type the operation produces.
        List.copyOf(content.getMediaTypes().keySet()).stream().filter(type -> !Problem.MEDIA_TYPE.equals(type))
                .forEach(content::removeMediaType);
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }
}
