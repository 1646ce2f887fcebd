package cn.zz.pipeline.platform.health;

import cn.zz.pipeline.platform.consumer.ConsumerRunner;
import cn.zz.pipeline.platform.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the outbox relay and every consumer thread run (database and Kafka have checks of their own). */
@Readiness
@ApplicationScoped
public class PipelineReadiness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    ConsumerRunner consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event pipeline")
                .status(relay.isAlive() && consumers.allAlive())
                .withData("relay", relay.isAlive() ? "running" : "stopped")
                .withData("consumers", String.join(",", consumers.consumerNames()));
        if (relay.lastError() != null) {
            b.withData("relayLastError", relay.lastError());
        }
        return b.build();
    }
}
