package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.events.project.MilestoneNode;
import cn.zz.pipeline.events.project.MilestoneNode.Completion;
import cn.zz.pipeline.events.project.MilestoneNode.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A node of a project's milestone plan: planned, and completed ({@code actual}) by hand or by the project's event. */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private LocalDate planned;

    private LocalDate actual;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Completion completion;

    protected Milestone() {
    }

    Milestone(UUID projectId, String code) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.code = code;
    }

    /** Takes the template's node at {@code position}, planned on {@code date}; a completed node keeps its actual. */
    void plan(int at, TemplateNode node, LocalDate date) {
        position = at;
        name = node.name();
        completion = node.completion();
        if (planned == null || !planned.equals(date)) {
            planned = date;
            if (actual == null) {
                source = Source.TEMPLATE;
            }
        }
    }

    void replan(LocalDate date) {
        planned = date;
        source = Source.MANUAL;
    }

    void complete(LocalDate on, Source by) {
        actual = on;
        source = by;
    }

    MilestoneNode node() {
        return new MilestoneNode(code, name, planned, actual, source, completion);
    }

    public String code() {
        return code;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public LocalDate planned() {
        return planned;
    }

    public LocalDate actual() {
        return actual;
    }

    public Source source() {
        return source;
    }

    public Completion completion() {
        return completion;
    }
}
