package cn.zz.pipeline.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.time.Duration;
import java.util.Properties;

/**
 * Kafka clients whose own metrics (request rates, fetch lag, record-send rates, buffer use...) are in Micrometer as
 * {@code kafka_consumer_*} and {@code kafka_producer_*}, tagged with the client id, for as long as they are open:
 * closing the client closes its binder, which removes its meters, so that a producer the relay replaces after a
 * failure leaves no stale gauges behind. Subclasses rather than a wrapper, so callers keep the plain client types.
 */
final class MeteredClients {

    private MeteredClients() {
    }

    static final class Producer<K, V> extends KafkaProducer<K, V> {

        private final KafkaClientMetrics metrics;

        Producer(Properties settings, MeterRegistry registry) {
            super(settings);
            metrics = new KafkaClientMetrics(this);
            metrics.bindTo(registry);
        }

        /** close() comes here too. */
        @Override
        public void close(Duration timeout) {
            try {
                super.close(timeout);
            } finally {
                metrics.close();
            }
        }
    }

    static final class Consumer<K, V> extends KafkaConsumer<K, V> {

        private final KafkaClientMetrics metrics;

        Consumer(Properties settings, MeterRegistry registry) {
            super(settings);
            metrics = new KafkaClientMetrics(this);
            metrics.bindTo(registry);
        }

        // Each close variant closes the binder (it may run twice when one variant calls another: harmless).
        @Override
        public void close() {
            try {
                super.close();
            } finally {
                metrics.close();
            }
        }

        @Override
        @SuppressWarnings("deprecation")
        public void close(Duration timeout) {
            try {
                super.close(timeout);
            } finally {
                metrics.close();
            }
        }

        @Override
        public void close(CloseOptions options) {
            try {
                super.close(options);
            } finally {
                metrics.close();
            }
        }
    }
}
