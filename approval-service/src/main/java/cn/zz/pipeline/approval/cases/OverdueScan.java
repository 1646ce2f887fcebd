package cn.zz.pipeline.approval.cases;

import cn.zz.pipeline.platform.cluster.SingleRunner;
import cn.zz.pipeline.platform.time.Today;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Finds pending tasks past their due date and has each marked overdue and escalated, one transaction per task, so
 * one failure does not hold back the others. Safe with several instances: marking checks again under the
 * project's lock, so each task is escalated once.
 */
@ApplicationScoped
public class OverdueScan {

    private static final Logger LOG = Logger.getLogger(OverdueScan.class);
    private static final int BATCH = 500;

    @Inject
    TaskRepository tasks;

    @Inject
    CaseService cases;

    @Inject
    Today today;

    @Inject
    SingleRunner single;

    @Scheduled(identity = "overdue-scan", every = "${approval.overdue.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scanAlone().ifPresent(marked -> {
            if (marked > 0) {
                LOG.infof("%d approval task(s) newly overdue, escalated", marked);
            }
        });
    }

    /**
     * {@link #scan} on this instance alone: empty when another instance of the service is running it (the
     * advisory lock "overdue-scan", {@link SingleRunner}).
     */
    public OptionalInt scanAlone() {
        return single.call("overdue-scan", this::scan).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** @return how many tasks were newly marked overdue */
    public int scan() {
        int marked = 0;
        while (true) {
            List<UUID> candidates = QuarkusTransaction.requiringNew()
                    .call(() -> tasks.newlyOverdue(today.date(), BATCH));
            int before = marked;
            for (UUID id : candidates) {
                try {
                    if (cases.markOverdue(id)) {
                        marked++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "task %s: overdue marking failed, next scan retries", id);
                }
            }
            if (candidates.size() < BATCH || marked == before) {
                return marked;
            }
        }
    }
}
