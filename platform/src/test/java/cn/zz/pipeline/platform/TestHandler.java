package cn.zz.pipeline.platform;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.consumer.EventHandler;
import cn.zz.pipeline.platform.consumer.PermanentEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies every project event as one row in test_effect. An update whose project name is "poison" can never be
 * applied; one named "flaky-N" fails N times before it succeeds (N below the retry limit).
 */
@ApplicationScoped
public class TestHandler implements EventHandler {

    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "test-effects";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROJECT_EVENTS);
    }

    @Override
    public void handle(EventEnvelope event) {
        em.createNativeQuery("insert into test_effect (event_id, subject, sequence, event_type) values (?1, ?2, ?3, ?4)")
                .setParameter(1, event.id()).setParameter(2, event.subject())
                .setParameter(3, event.sequence()).setParameter(4, event.type())
                .executeUpdate();
        if (event.data() instanceof ProjectUpdated updated) {
            String name = updated.project().name();
            if (name.equals("poison")) {
                throw new PermanentEventException("project name poison cannot be applied");
            }
            if (name.startsWith("flaky-")) {
                int failUntil = Integer.parseInt(name.substring("flaky-".length()));
                if (FAILURES.computeIfAbsent(event.id().toString(), k -> new AtomicInteger()).incrementAndGet() <= failUntil) {
                    throw new IllegalStateException("flaky failure");
                }
            }
        }
    }
}
