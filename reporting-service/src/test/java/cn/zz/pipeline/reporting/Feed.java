package cn.zz.pipeline.reporting;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.EventCodec;
import cn.zz.pipeline.events.EventEnvelope;
import cn.zz.pipeline.events.EventPayload;
import cn.zz.pipeline.events.Sector;
import cn.zz.pipeline.events.Stage;
import cn.zz.pipeline.events.Topics;
import cn.zz.pipeline.events.project.InvestmentReported;
import cn.zz.pipeline.events.project.ProjectAdmitted;
import cn.zz.pipeline.events.project.ProjectDeclared;
import cn.zz.pipeline.events.project.ProjectRegistered;
import cn.zz.pipeline.events.project.ProjectSnapshot;
import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KafkaTestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sends the events project-service and approval-service would publish, with per-project sequences. */
final class Feed {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final KafkaTestClient KAFKA = new KafkaTestClient(KafkaResource.bootstrapServers());
    private static final Map<UUID, long[]> APPROVAL_SEQUENCES = new HashMap<>();

    private Feed() {
    }

    /** A project with the facts that decide its report rows. */
    static final class Project {
        final UUID id = UUID.randomUUID();
        long sequence;
        ProjectSnapshot snapshot;

        Project(String name, String district, String park, String chain, String industry, Sector sector,
                String projectType, boolean privateInvestment, String total) {
            String code = "2023-" + district + "-01-" + projectType + "-" + String.format("%06d",
                    Math.abs(id.getMostSignificantBits() % 1_000_000));
            snapshot = new ProjectSnapshot(id, code, name, "郑州测试建设有限公司", "91410100MA44XXXX1X", district, park,
                    chain, industry, sector, ConstructionType.NEW, projectType, new BigDecimal(total),
                    new BigDecimal("100"), new BigDecimal("60000"), new BigDecimal("4000"), true, EiaCategory.REPORT_FORM,
                    privateInvestment, LocalDate.of(2022, 3, 1), LocalDate.of(2024, 12, 31), Stage.RESERVE, null,
                    List.of());
        }

        Project registered(LocalDate on) {
            send(this, at(on), new ProjectRegistered(snapshot, "staff"));
            return this;
        }

        Project declared(LocalDate on) {
            snapshot = withStage(snapshot, Stage.DECLARED);
            send(this, at(on), new ProjectDeclared(snapshot, on, null, "staff"));
            return this;
        }

        Project admitted(LocalDate on) {
            snapshot = withStage(snapshot, Stage.ADMITTED);
            send(this, at(on), new ProjectAdmitted(id, snapshot.code(), snapshot.district(), Stage.DECLARED, on,
                    UUID.randomUUID(), null, null));
            return this;
        }

        /** Registered, declared and admitted on the given days. */
        Project admittedVia(LocalDate registered, LocalDate declared, LocalDate admitted) {
            return registered(registered).declared(declared).admitted(admitted);
        }

        Project report(int year, int month, String amount) {
            return report(year, month, amount, null);
        }

        Project report(int year, int month, String amount, String previous) {
            send(this, at(LocalDate.of(year, month, 20)), new InvestmentReported(id, snapshot.code(),
                    snapshot.district(), String.format("%04d-%02d", year, month), year, month, new BigDecimal(amount),
                    previous == null ? null : new BigDecimal(previous), null, "staff"));
            return this;
        }

        /** Any other project event, with the next sequence. */
        Project event(Instant time, EventPayload data) {
            send(this, time, data);
            return this;
        }
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }

    static void send(Project p, Instant time, EventPayload data) {
        p.sequence++;
        EventEnvelope e = EventEnvelope.create("/project-service", p.id.toString(), p.sequence, time, data);
        KAFKA.send(Topics.PROJECT_EVENTS, e.subject(), EventCodec.write(e));
    }

    /** Sends an event exactly as given (for duplicate deliveries). */
    static void sendRaw(String topic, EventEnvelope e) {
        KAFKA.send(topic, e.subject(), EventCodec.write(e));
    }

    static synchronized void approval(UUID project, Instant time, EventPayload data) {
        long seq = ++APPROVAL_SEQUENCES.computeIfAbsent(project, k -> new long[1])[0];
        EventEnvelope e = EventEnvelope.create("/approval-service", project.toString(), seq, time, data);
        KAFKA.send(Topics.APPROVAL_EVENTS, e.subject(), EventCodec.write(e));
    }

    static KafkaTestClient kafka() {
        return KAFKA;
    }

    static ProjectSnapshot withStage(ProjectSnapshot s, Stage stage) {
        return new ProjectSnapshot(s.id(), s.code(), s.name(), s.ownerName(), s.ownerCreditCode(), s.district(),
                s.park(), s.chain(), s.industry(), s.sector(), s.constructionType(), s.projectType(),
                s.totalInvestment(), s.landArea(), s.annualOutput(), s.annualTax(), s.takesNewLand(), s.eiaCategory(),
                s.privateInvestment(), s.plannedStart(), s.plannedProduction(), stage, s.leader(), s.taskForce());
    }
}
