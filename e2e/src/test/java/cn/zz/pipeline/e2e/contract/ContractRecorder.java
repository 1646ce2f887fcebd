package cn.zz.pipeline.e2e.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sees every call the contract test makes through a Prism proxy: which operation it was, and whatever Prism found
 * wrong with the request or the response. A call Prism stopped (its own problem document) or flagged
 * ({@code sl-violations}) is a violation; an operation counts as exercised only when the service answered it.
 */
public final class ContractRecorder implements Filter {

    private static final String PRISM_ERROR = "https://stoplight.io/prism/errors#";

    /** What Prism found on one call. */
    public record Finding(String operation, int status, String what) {
        @Override
        public String toString() {
            return operation + " -> " + status + ": " + what;
        }
    }

    private final Map<Integer, Operations> byPort = new LinkedHashMap<>();
    private final Set<Operations.Operation> exercised = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<Operations.Operation, Set<Integer>> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

    void watch(PrismProxy proxy, Operations operations) {
        byPort.put(proxy.port, operations);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        Operations operations = byPort.get(uri.getPort());
        if (operations == null) {
            return response; // not through a proxy (a token, a direct call)
        }
        String call = request.getMethod() + " " + uri.getPath();
        Operations.Operation operation = operations.match(request.getMethod(), uri.getPath()).orElse(null);
        String name = operation == null ? call : operation.toString();
        String header = response.getHeader("sl-violations");
        if (header != null && !header.isBlank() && !header.equals("[]")) {
            findings.add(new Finding(name, response.statusCode(), header));
        }
        String contentType = response.getContentType();
        String body = contentType != null && contentType.contains("json") ? response.asString() : "";
        if (body.contains(PRISM_ERROR)) {
            findings.add(new Finding(name, response.statusCode(), body));
        } else if (operation != null) {
            exercised.add(operation);
            statuses.computeIfAbsent(operation, o -> Collections.synchronizedSet(new LinkedHashSet<>()))
                    .add(response.statusCode());
        }
        return response;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    Set<Operations.Operation> exercised() {
        return Set.copyOf(exercised);
    }

    /** Per operation, the statuses the service answered through the proxy. */
    Map<Operations.Operation, Set<Integer>> statuses() {
        synchronized (statuses) {
            return new LinkedHashMap<>(statuses);
        }
    }
}
