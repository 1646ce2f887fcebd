package cn.zz.pipeline.platform;

import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventType;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.platform.consumer.BatchEventHandler;
import cn.zz.pipeline.platform.consumer.PermanentEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;

/**
 * A batch projection for the tests: one row per applied project event in test_batch_effect. An update whose project
 * name is "batch-poison" can never be applied (other names, including the per-record handler's poison, are fine).
 * It passes over assignments ({@link #wants}).
 */
@ApplicationScoped
public class TestBatchHandler implements BatchEventHandler {

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "test-batch";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROJECT_EVENTS);
    }

    @Override
    public boolean wants(EventType type) {
        return type != EventType.PROJECT_ASSIGNED;
    }

    @Override
    public int maxBatch() {
        return 500;
    }

    @Override
    public void handleBatch(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            em.createNativeQuery("insert into test_batch_effect (event_id, subject, sequence) values (?1, ?2, ?3)")
                    .setParameter(1, event.id()).setParameter(2, event.subject()).setParameter(3, event.sequence())
                    .executeUpdate();
            if (event.data() instanceof ProjectUpdated u && u.project().name().equals("batch-poison")) {
                throw new PermanentEventException("project name batch-poison cannot be applied");
            }
        }
    }
}
