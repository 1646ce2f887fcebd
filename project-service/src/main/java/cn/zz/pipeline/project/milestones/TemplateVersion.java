package cn.zz.pipeline.project.milestones;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One stored version (2 and later) of the milestone templates, never changed once written. The templates stay JSON
 * text here; {@link MilestoneTemplates} parses them once per version.
 */
@Entity
@Immutable
@Table(name = "milestone_template_version")
public class TemplateVersion {

    @Id
    private int version;

    /** The jsonb column, read as its text. */
    @Column(nullable = false)
    private String templates;

    private String comment;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TemplateVersion() {
    }

    public int version() {
        return version;
    }

    public String templates() {
        return templates;
    }

    public String comment() {
        return comment;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
