package cn.zz.pipeline.platform.security;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the district-scope rule ({@link CurrentUser#scope}) on every operation of every service that takes a
 * {@code district} query parameter, so that none can miss it: 400 for a malformed region, 403 for one wider than or
 * outside the caller's scope. Both are problem documents naming {@code district}. Applied by the platform's
 * OpenAPI filter.
 */
public final class DistrictScopeResponses {

    private DistrictScopeResponses() {
    }

    public static void addTo(Operation operation) {
        boolean takesDistrict = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "district".equals(p.getName()) && p.getIn() == Parameter.In.QUERY);
        if (!takesDistrict) {
            return;
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        responses.addAPIResponse("400", OASFactory.createAPIResponse().description(
                "district is not a region code (2 to 6 digits, e.g. 410106 or the city's 4101), or another parameter"
                        + " is invalid: a problem document naming the field (violations[].field)"));
        responses.addAPIResponse("403", OASFactory.createAPIResponse().description(
                "district is wider than or outside the caller's scope (type urn:pipeline:problem:out-of-scope,"
                        + " violations[0].field = district, limit = the caller's scope), or the role may not read this"));
        operation.setResponses(responses);
    }
}
