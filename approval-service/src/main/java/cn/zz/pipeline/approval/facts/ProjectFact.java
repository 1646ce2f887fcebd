package cn.zz.pipeline.approval.facts;

import cn.zz.pipeline.events.ConstructionType;
import cn.zz.pipeline.events.EiaCategory;
import cn.zz.pipeline.events.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What this service knows of a project, from pipeline.project.events: the facts the rule table looks at, the
 * assigned leader (分包领导) an overdue task is escalated to, and the sequence guards. Written only by
 * {@link ProjectFactRepository} in whole statements (an upsert, updates), never through a loaded copy.
 *
 * <p>The row is also the project's lock for this service's writers, and holds the sequence of this service's events
 * about the project ({@code approvalSequence}).
 */
@Entity
@Table(name = "project_fact")
public class ProjectFact {

    @Id
    @Column(name = "project_id")
    private UUID projectId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Column(nullable = false)
    private String industry;

    @Column(name = "takes_new_land", nullable = false)
    private boolean takesNewLand;

    @Enumerated(EnumType.STRING)
    @Column(name = "eia_category")
    private EiaCategory eiaCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "construction_type", nullable = false)
    private ConstructionType constructionType;

    /** 万元 */
    @Column(name = "total_investment", nullable = false)
    private BigDecimal totalInvestment;

    private String leader;

    /** The sequence of the newest project event applied (a stale event does not roll the facts back). */
    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "approval_sequence", nullable = false)
    private long approvalSequence;

    protected ProjectFact() {
    }

    public UUID projectId() {
        return projectId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String district() {
        return district;
    }

    public Stage stage() {
        return stage;
    }

    public String industry() {
        return industry;
    }

    public boolean takesNewLand() {
        return takesNewLand;
    }

    public EiaCategory eiaCategory() {
        return eiaCategory;
    }

    public ConstructionType constructionType() {
        return constructionType;
    }

    public BigDecimal totalInvestment() {
        return totalInvestment;
    }

    public String leader() {
        return leader;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long approvalSequence() {
        return approvalSequence;
    }
}
