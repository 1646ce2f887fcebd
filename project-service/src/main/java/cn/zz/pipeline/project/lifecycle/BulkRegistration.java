package cn.zz.pipeline.project.lifecycle;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.platform.outbox.Outbox;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ProjectService#register} for many projects in one transaction, with the database round trips batched:
 * one serial reservation per region instead of one per project, and the project and history inserts sent in JDBC
 * batches instead of one flush per project, the outbox rows in one batch too ({@link Outbox#writeAll}). The result is
 * the same as registering them one by one in order: consecutive serials, version 1, one history row
 * ({@code registered}, from nothing to 储备) and one {@code registered} event in the outbox per project. Keep the two in
 * step.
 */
@ApplicationScoped
public class BulkRegistration {

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectHistoryRepository history;

    @Inject
    CodeAllocator codes;

    @Inject
    FactRules rules;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    /**
     * Registers one project per entry of {@code facts} (each must be valid) in the caller's transaction; returns the
     * projects in order.
     *
     * @throws ApiException 400 if facts are invalid, 409 if a region's serials would run out; the caller's
     *     transaction must then be rolled back (nothing of the batch is kept)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Project> registerAll(List<ProjectFacts> facts, String actor) {
        for (ProjectFacts c : facts) {
            List<Violation> violations = rules.check(c);
            if (!violations.isEmpty()) {
                throw Violations.invalid(violations);
            }
        }
        int year = today.date().getYear();
        Map<String, Integer> perRegion = new LinkedHashMap<>();
        facts.forEach(c -> perRegion.merge(c.district(), 1, Integer::sum));
        Map<String, Integer> next = new LinkedHashMap<>();
        perRegion.forEach((region, count) -> next.put(region, codes.reserve(year, region, count)));

        Instant now = today.now();
        List<Project> out = new ArrayList<>(facts.size());
        for (ProjectFacts c : facts) {
            int serial = next.merge(c.district(), 1, Integer::sum) - 1;
            out.add(Project.register(codes.code(year, c.district(), c.projectType(), serial), c, now));
        }
        projects.persist(out);
        projects.flush(); // the project inserts, batched
        List<EventEnvelope> events = new ArrayList<>(out.size());
        for (Project p : out) {
            ProjectRegistered event = new ProjectRegistered(p.snapshot(), actor);
            history.persist(ProjectHistory.of(Change.of(p, event).by(actor).at(now).moving(null, Stage.RESERVE)));
            events.add(outbox.envelope(p.id().toString(), p.version(), now, event));
        }
        history.flush(); // the history inserts, batched
        // Batched JDBC inserts of the outbox rows (Outbox.writeAll), measured to keep 5,000 ledger rows to seconds.
        outbox.writeAll(events);
        return out;
    }
}
