package cn.zz.pipeline.platform.openapi;

import cn.zz.pipeline.platform.security.DistrictScopeResponses;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * The house conventions of every service's OpenAPI document, applied once at build time so that no resource can miss
 * them: the statuses every operation may answer ({@link StandardResponses}, {@link DistrictScopeResponses}), every
 * error as a problem document ({@link ProblemResponses}), and a property that is not required may be null
 * ({@link NullableProperties}). One filter, so that the order of the steps is fixed.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiContractFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        DistrictScopeResponses.addTo(operation);
        StandardResponses.addTo(operation);
        ProblemResponses.describe(operation);
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        NullableProperties.apply(openAPI);
    }
}
