package cn.zz.pipeline.platform.consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The replay generation of each consumer, in the database so that every instance of a service sees it. A replay
 * bumps it ({@link #bump}) in the transaction that drops the read models; every apply transaction first reads it
 * {@code for share} ({@link #fence}): an apply under way makes the bump wait until it has committed (so the reset
 * drops its effect too), and an apply that starts after it finds a newer epoch and gives up (its instance then rewinds
 * its partitions). Committed offsets carry the epoch as their metadata ({@link #metadata}), so that an instance given
 * a partition whose offset belongs to an older generation reads it from the beginning.
 */
@ApplicationScoped
public class Epochs {

    private static final String PREFIX = "epoch=";

    @Inject
    EntityManager em;

    /** An apply transaction that belongs to an older generation than the database's. */
    static final class StaleEpochException extends RuntimeException {
        StaleEpochException(String consumer, long expected, long actual) {
            super("consumer " + consumer + " applies epoch " + expected + " but the epoch is " + actual);
        }
    }

    /** The consumer's epoch (the row is created at 0 if missing, so that {@link #fence} always has a row to lock). */
    public long current(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into consumer_epoch (consumer) values (?1) on conflict do nothing")
                    .setParameter(1, consumer).executeUpdate();
            return ((Number) em.createNativeQuery("select epoch from consumer_epoch where consumer = ?1")
                    .setParameter(1, consumer).getSingleResult()).longValue();
        });
    }

    /** The consumer's epoch as committed, 0 without a row (the periodic check: one primary-key read). */
    public long read(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("select epoch from consumer_epoch where consumer = ?1")
                    .setParameter(1, consumer).getResultList();
            return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
        });
    }

    /** In an apply transaction, first: holds the epoch for the transaction, throws if it is not {@code expected}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fence(String consumer, long expected) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select epoch from consumer_epoch where consumer = ?1 for share")
                .setParameter(1, consumer).getResultList();
        long actual = rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
        if (actual != expected) {
            throw new StaleEpochException(consumer, expected, actual);
        }
    }

    /** In the replay's reset transaction, before anything is dropped: the new epoch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long bump(String consumer) {
        em.createNativeQuery("insert into consumer_epoch (consumer, epoch, replay_started_at) values (?1, 1, now())"
                        + " on conflict (consumer) do update set epoch = consumer_epoch.epoch + 1,"
                        + " replay_started_at = now()")
                .setParameter(1, consumer).executeUpdate();
        return ((Number) em.createNativeQuery("select epoch from consumer_epoch where consumer = ?1")
                .setParameter(1, consumer).getSingleResult()).longValue();
    }

    static String metadata(long epoch) {
        return PREFIX + epoch;
    }

    /** The epoch a committed offset's metadata names; 0 for offsets committed without one. */
    static long of(String metadata) {
        if (metadata == null || !metadata.startsWith(PREFIX)) {
            return 0;
        }
        try {
            return Long.parseLong(metadata.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StaleEpochException) {
                return true;
            }
        }
        return false;
    }
}
