package cn.zz.pipeline.approval.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One stored version of the rule table, as written: never changed once written (saving writes the next version).
 * The rules stay JSON text here; {@link RuleTable} parses them once per version.
 */
@Entity
@Immutable
@Table(name = "approval_rule_version")
public class RuleVersion {

    @Id
    private int version;

    /** The jsonb column, read as its text. */
    @Column(nullable = false)
    private String rules;

    private String comment;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RuleVersion() {
    }

    public int version() {
        return version;
    }

    public String rules() {
        return rules;
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
