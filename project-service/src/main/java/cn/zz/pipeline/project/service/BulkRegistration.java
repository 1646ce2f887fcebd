package cn.zz.pipeline.project.service;

import cn.zz.pipeline.platform.outbox.Outbox;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.command.RegisterProject;
import cn.zz.pipeline.project.model.Project;
import cn.zz.pipeline.project.model.ProjectHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ProjectService#register} for many projects in one transaction, with the database round trips batched:
 * one serial reservation per region instead of one per project, and the project and history inserts sent in JDBC
 * batches instead of one flush per project, the outbox rows in one batch too ({@link Outbox#writeAll}). The result is the
 * same as registering the commands one by one in order: consecutive serials, version 1, one history row
 * ({@code registered}, from nothing to 储备) and one {@code registered} event in the outbox per project. Keep the two in
 * step.
 */
@ApplicationScoped
public class BulkRegistration {


    @Inject
    EntityManager em;

    @Inject
    CodeAllocator codes;

    @Inject
    FactRules rules;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    /**
     * Registers every command (each must be valid) in the caller's transaction; returns the projects in order.
     *
     * @throws ApiException 400 if a command is invalid, 409 if a region's serials would run out; the caller's
     *     transaction must then be rolled back (nothing of the batch is kept)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Project> registerAll(List<RegisterProject> commands, String actor) {
        for (RegisterProject c : commands) {
            List<Violation> violations = rules.check(c);
            if (!violations.isEmpty()) {
                throw Violations.invalid(violations);
            }
        }
        int year = today.date().getYear();
        Map<String, Integer> perRegion = new LinkedHashMap<>();
        commands.forEach(c -> perRegion.merge(c.district(), 1, Integer::sum));
        Map<String, Integer> next = new LinkedHashMap<>();
        perRegion.forEach((region, count) -> next.put(region, codes.reserve(year, region, count)));

        Instant now = today.now();
        List<Project> out = new ArrayList<>(commands.size());
        for (RegisterProject c : commands) {
            int serial = next.merge(c.district(), 1, Integer::sum) - 1;
            Project p = Project.register(codes.code(year, c.district(), c.projectType(), serial), c, now);
            em.persist(p);
            out.add(p);
        }
        em.flush(); // the project inserts, batched
        String who = actor == null ? ChangeLog.SYSTEM : actor;
        List<EventEnvelope> events = new ArrayList<>(out.size());
        for (Project p : out) {
            ProjectRegistered event = new ProjectRegistered(p.snapshot(), actor);
            em.persist(new ProjectHistory(p.id(), p.version(), now, who, ChangeLog.action(event), null, Stage.RESERVE,
                    null, List.of(), null));
            events.add(outbox.envelope(p.id().toString(), p.version(), now, event));
        }
        em.flush(); // the history inserts, batched
        outbox.writeAll(events); // the outbox rows, batched
        return out;
    }
}
