package cn.zz.pipeline.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Typed configuration shared by every service (prefix {@code pipeline}). */
@ConfigMapping(prefix = "pipeline")
public interface PipelineConfig {

    /** Service name: the CloudEvents source is "/" + service, consumer groups are prefixed with it. */
    String service();

    /** Time zone that decides "today" in every service: stage dates, reporting periods, statutory clocks. */
    @WithDefault("Asia/Shanghai")
    String zone();

    Kafka kafka();

    Outbox outbox();

    Consumer consumer();

    TokenCache tokenCache();

    /**
     * Bearer tokens as verified (platform/security/TokenIdentityCache): a client sends the same access token with
     * every request until it expires, and verifying it (three JSON parses and an RSA signature) cost a quarter to a
     * third of a service's CPU per request.
     */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** Distinct tokens kept; past it the cache starts afresh. */
        @WithDefault("10000")
        int maxEntries();

        /**
         * How long a verified token is trusted without verifying it again, at most (and never past its expiry): the
         * bound on how long a token signed by a key the issuer has since withdrawn is still taken.
         */
        @WithDefault("60s")
        Duration maxAge();
    }

    interface Kafka {
        /** Defaults to the standard Quarkus Kafka property, which the test resources and the stack set. */
        @WithDefault("${kafka.bootstrap.servers:localhost:9092}")
        String bootstrapServers();

        /**
         * Partitions of the two event topics when this service creates them: the most instances of one consumer
         * that share work (a topic that exists keeps its count).
         */
        @WithDefault("12")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** How long a silent consumer (a killed instance) keeps its partitions before they move to the others. */
        @WithDefault("10s")
        Duration sessionTimeout();

        /** Consumer heartbeats to the group coordinator: a third of the session timeout or less. */
        @WithDefault("3s")
        Duration heartbeatInterval();

        /**
         * Static group membership: a name unique to this instance and stable across its restarts (e.g. the pod
         * name of a StatefulSet). A restart within the session timeout gets its partitions back without a
         * rebalance. Unset: dynamic membership.
         */
        Optional<String> instanceId();
    }

    interface Outbox {
        @WithDefault("true")
        boolean relayEnabled();

        /** Rows published per round trip to Kafka. */
        @WithDefault("500")
        int batchSize();

        /** Idle poll interval; a commit that wrote outbox rows wakes the relay at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("200ms")
        Duration backoffInitial();

        @WithDefault("5s")
        Duration backoffMax();

        /** Producer delivery timeout per batch before the relay backs off and retries. */
        @WithDefault("20s")
        Duration deliveryTimeout();

        /** Published rows are kept this long for audit, then purged. */
        @WithDefault("P7D")
        Duration retention();

        /**
         * How often the backlog gauges ({@code pipeline.outbox.pending}, {@code pipeline.outbox.oldest.age}) are
         * refreshed by a query, rather than on every scrape.
         */
        @WithDefault("2s")
        Duration backlogRefresh();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("200ms")
        Duration pollTimeout();

        /** Attempts for a handler failure that is not a lost connection before the event goes to the DLQ. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("200ms")
        Duration backoffInitial();

        @WithDefault("5s")
        Duration backoffMax();

        /**
         * On a rebalance, how long a consumer giving up partitions waits for the batch or record it is applying
         * before it lets them go (past it the next owner may re-read what is still being applied; the stream
         * positions, locked, keep it from being applied twice).
         */
        @WithDefault("60s")
        Duration drainTimeout();

        /** How often each instance looks whether another one started a replay (epoch) of a consumer. */
        @WithDefault("1s")
        Duration epochCheck();
    }
}
