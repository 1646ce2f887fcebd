package cn.zz.pipeline.e2e.contract;

import cn.zz.pipeline.testsupport.Tokens;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three services of a running stack, each behind its own Prism validating proxy, and what the contract test's
 * calls found. {@link #as(Service, String)} (a demo user's token) and {@link #anonymous(Service)} give a
 * specification to send with {@code given().spec(...)}; everything sent that way is validated and recorded.
 */
public final class Contract implements AutoCloseable {

    /** A service of the stack. */
    public enum Service {
        PROJECT("project-service"), APPROVAL("approval-service"), REPORTING("reporting-service");

        final String name;

        Service(String name) {
            this.name = name;
        }
    }

    private final String realmUrl;
    private final Map<Service, PrismProxy> proxies = new EnumMap<>(Service.class);
    private final Map<Service, Operations> operations = new EnumMap<>(Service.class);
    private final ContractRecorder recorder = new ContractRecorder();
    /** The services whose operations this run drives (e2e.contract.services=project,approval to narrow it). */
    public final Set<Service> selected;

    private Contract(String realmUrl, Set<Service> selected) {
        this.realmUrl = realmUrl;
        this.selected = selected;
    }

    /** Starts a proxy in front of each service ({@code upstreams}: service base URLs). */
    public static Contract start(String realmUrl, Map<Service, String> upstreams, Path workDir) {
        Contract contract = new Contract(realmUrl, selection());
        try {
            upstreams.forEach((service, upstream) -> {
                PrismProxy proxy = PrismProxy.start(service.name, upstream, workDir);
                Operations ops = Operations.of(service.name, proxy.document);
                contract.proxies.put(service, proxy);
                contract.operations.put(service, ops);
                contract.recorder.watch(proxy, ops);
            });
        } catch (RuntimeException e) {
            contract.close();
            throw e;
        }
        return contract;
    }

    private static Set<Service> selection() {
        String value = System.getProperty("e2e.contract.services", "");
        if (value.isBlank()) {
            return Set.of(Service.values());
        }
        return Arrays.stream(value.split(",")).map(s -> Service.valueOf(s.trim().toUpperCase()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A request to {@code service} through its proxy as the demo user {@code user}. */
    public RequestSpecification as(Service service, String user) {
        return anonymous(service).header("Authorization", "Bearer " + Tokens.of(realmUrl, user));
    }

    /** A request to {@code service} through its proxy without a token. */
    public RequestSpecification anonymous(Service service) {
        return new RequestSpecBuilder().setBaseUri(proxies.get(service).url()).addFilter(recorder).build();
    }

    /** Every operation of the service's document. */
    public List<Operations.Operation> operations(Service service) {
        return operations.get(service).all;
    }

    /** What Prism found wrong with the calls so far (all services). */
    public List<ContractRecorder.Finding> findings() {
        return recorder.findings();
    }

    /** Operations of the selected services no call has reached yet. */
    public List<Operations.Operation> unexercised() {
        Set<Operations.Operation> done = recorder.exercised();
        List<Operations.Operation> missing = new ArrayList<>();
        selected.forEach(s -> operations.get(s).all.stream().filter(o -> !done.contains(o)).forEach(missing::add));
        return missing;
    }

    /** A summary line per exercised operation with the statuses seen. */
    public String coverage() {
        StringBuilder out = new StringBuilder();
        recorder.statuses().forEach((op, codes) -> out.append(op).append(' ').append(codes).append('\n'));
        return out.toString();
    }

    public int exercisedCount() {
        return recorder.exercised().size();
    }

    @Override
    public void close() {
        proxies.values().forEach(PrismProxy::close);
    }
}
