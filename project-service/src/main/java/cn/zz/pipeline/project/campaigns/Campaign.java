package cn.zz.pipeline.project.campaigns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A 三个一批 campaign (签约一批、开工一批、投产一批): a name and the date its lists are judged by. Created once by an admin
 * and never changed, which is why every entry's event can carry its name and due date.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected Campaign() {
    }

    /** A new campaign; name and due date must be valid ({@link NewCampaign#violations}). */
    public Campaign(String name, LocalDate dueDate, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.dueDate = dueDate;
        this.createdAt = now;
        this.createdBy = actor;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
