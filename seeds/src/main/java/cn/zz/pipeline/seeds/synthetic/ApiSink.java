package cn.zz.pipeline.seeds.synthetic;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.seeds.StackApi;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Through the front door: each project POSTed to project-service's historical import as the admin, one request at a
 * time per worker thread (so {@code clients} threads are {@code clients} connections). 409 means the code is
 * already there: counted as already loaded, so an interrupted load can simply be run again.
 */
public final class ApiSink implements Load.Sink {

    static final String PATH = "/api/admin/projects/historical";
    private static final int FAILURES_SHOWN = 10;

    private final ObjectWriter writer = EventCodec.mapper().writerFor(SyntheticProject.ImportBody.class);
    private final StackApi api;
    private final PrintStream log;
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong existing = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public ApiSink(String projectService, String keycloak, PrintStream log) {
        // the seed loader's client: demo tokens renewed before they expire, retries on restarts and overload
        this.api = new StackApi(projectService, projectService, projectService, keycloak);
        this.log = log;
    }

    @Override
    public long accept(long chunk, List<SyntheticProject> projects) throws Exception {
        long events = 0;
        for (SyntheticProject p : projects) {
            StackApi.Answer r = api.sendJson("admin", "POST", api.project() + PATH,
                    writer.writeValueAsString(p.importBody()));
            switch (r.status()) {
                case 201 -> {
                    created.incrementAndGet();
                    events += p.eventCount();
                }
                case 409 -> {
                    existing.incrementAndGet();
                    // a rerun answers code-exists; anything else means other data holds this code's serial
                    if (!String.valueOf(r.raw()).contains("code-exists") && foreign.incrementAndGet() <= FAILURES_SHOWN) {
                        log.printf("  project %d (%s): 409 %s%n", p.index(), p.code(), r.raw());
                    }
                }
                default -> {
                    if (failed.incrementAndGet() <= FAILURES_SHOWN) {
                        log.printf("  project %d (%s): %s%n", p.index(), p.code(), r.problem());
                    }
                }
            }
        }
        return events;
    }

    @Override
    public void close() {
        log.printf("api: %,d imported, %,d already loaded (409; %,d of them not as code-exists), %,d failed%n",
                created.get(), existing.get(), foreign.get(), failed.get());
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " projects were not imported");
        }
    }
}
