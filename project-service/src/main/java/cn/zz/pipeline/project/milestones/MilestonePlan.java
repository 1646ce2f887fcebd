package cn.zz.pipeline.project.milestones;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A project's milestone plan (倒排工期): the target start it counts backwards from; its nodes are {@link Milestone}s. */
@Entity
@Table(name = "milestone_plan")
public class MilestonePlan {

    @Id
    @Column(name = "project_id")
    private UUID projectId;

    @Column(name = "target_start", nullable = false)
    private LocalDate targetStart;

    @Column(name = "template_version", nullable = false)
    private int templateVersion;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MilestonePlan() {
    }

    MilestonePlan(UUID projectId) {
        this.projectId = projectId;
    }

    void set(LocalDate target, int version) {
        targetStart = target;
        templateVersion = version;
    }

    void stamp(String actor, Instant at) {
        updatedBy = actor;
        updatedAt = at;
    }

    public UUID projectId() {
        return projectId;
    }

    public LocalDate targetStart() {
        return targetStart;
    }

    public int templateVersion() {
        return templateVersion;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
