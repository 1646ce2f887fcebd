package cn.zz.pipeline.reporting.admin;

import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.PlanSet;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectInProduction;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectReturnedToReserve;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.events.project.ProjectStarted;
import cn.zz.pipeline.events.project.ProjectUpdated;
import cn.zz.pipeline.events.project.ProjectWithdrawn;
import cn.zz.pipeline.platform.kafka.KafkaClients;
import cn.zz.pipeline.reporting.plans.Completion;
import cn.zz.pipeline.reporting.stats.Figures;
import cn.zz.pipeline.reporting.stats.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Recomputes, straight from the project topic and independently of the read models, each district's YTD investment
 * of a period, its projects per stage and the annual plans of the period's year that count ({@link Completion#counts}):
 * a plain reading of every event from the first offset to the end offsets of the moment it starts, keeping per
 * project the latest facts (by sequence), the latest figure per period and the latest plan per year.
 */
@ApplicationScoped
public class EventRecount {

    @Inject
    KafkaClients kafka;

    /** What the events say. */
    public record Recomputed(long events, long projects, Map<String, BigDecimal> ytdByDistrict,
                             Map<String, Map<Stage, Long>> stagesByDistrict, Map<String, Plans> plansByDistrict) {
    }

    /** A district's counted annual plans of the year: their sum (万元) and how many projects have one. */
    public record Plans(BigDecimal amount, long projects) {

        Plans plus(BigDecimal plan) {
            return new Plans(amount.add(plan), projects + 1);
        }
    }

    private static final class Project {
        long sequence;
        String district;
        Stage stage;
        final Map<Integer, BigDecimal[]> figures = new HashMap<>();
        final Map<Integer, BigDecimal> plans = new HashMap<>();
    }

    public Recomputed recompute(Period period) {
        Map<UUID, Project> projects = new HashMap<>();
        long events = 0;
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer("reporting-service.reconciliation-"
                + UUID.randomUUID(), Map.of())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(Topics.PROJECT_EVENTS)) {
                parts.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    EventEnvelope e;
                    try {
                        e = EventCodec.read(r.value());
                    } catch (cn.zz.pipeline.events.InvalidEventException | RuntimeException invalid) {
                        continue; // the projection dead-letters it too
                    }
                    events++;
                    apply(projects, e);
                }
            }
        }
        Map<String, BigDecimal> ytd = new TreeMap<>();
        Map<String, Map<Stage, Long>> stages = new TreeMap<>();
        Map<String, Plans> plans = new TreeMap<>();
        for (Project p : projects.values()) {
            if (p.district == null) {
                continue; // never registered: the projection dead-letters its events
            }
            BigDecimal[] reported = p.figures.get(period.year());
            if (reported != null) {
                ytd.merge(p.district, Figures.asOf(reported, period.month()), BigDecimal::add);
            }
            stages.computeIfAbsent(p.district, k -> new TreeMap<>()).merge(p.stage, 1L, Long::sum);
            BigDecimal plan = p.plans.get(period.year());
            if (plan != null && Completion.counts(p.stage)) {
                plans.put(p.district, plans.getOrDefault(p.district, new Plans(BigDecimal.ZERO, 0)).plus(plan));
            }
        }
        return new Recomputed(events, projects.size(), ytd, stages, plans);
    }

    private static void apply(Map<UUID, Project> projects, EventEnvelope e) {
        Project p = projects.computeIfAbsent(UUID.fromString(e.subject()), k -> new Project());
        if (e.sequence() <= p.sequence) {
            return; // a copy, or older than what was seen
        }
        Object d = e.data();
        ProjectSnapshot snapshot = d instanceof ProjectRegistered r ? r.project()
                : d instanceof ProjectUpdated u ? u.project() : d instanceof ProjectDeclared x ? x.project() : null;
        if (snapshot == null && p.district == null) {
            return; // no registration seen: the projection cannot place it either
        }
        p.sequence = e.sequence();
        if (snapshot != null) {
            p.district = snapshot.district();
            if (p.stage == null) {
                p.stage = snapshot.stage();
            }
        }
        if (d instanceof ProjectDeclared) {
            p.stage = Stage.DECLARED;
        } else if (d instanceof ProjectAdmitted) {
            p.stage = Stage.ADMITTED;
        } else if (d instanceof ProjectStarted) {
            p.stage = Stage.STARTED;
        } else if (d instanceof ProjectInProduction) {
            p.stage = Stage.IN_PRODUCTION;
        } else if (d instanceof ProjectWithdrawn) {
            p.stage = Stage.WITHDRAWN;
        } else if (d instanceof ProjectReturnedToReserve) {
            p.stage = Stage.RESERVE;
        } else if (d instanceof InvestmentReported r && r.month() >= Figures.FIRST_MONTH) {
            p.figures.computeIfAbsent(r.year(), y -> new BigDecimal[Figures.MONTHS])[r.month()] = r.amount();
        } else if (d instanceof PlanSet s) {
            p.plans.put(s.year(), s.amount());
        }
    }
}
