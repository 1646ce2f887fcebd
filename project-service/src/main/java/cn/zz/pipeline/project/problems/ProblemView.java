package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.project.lifecycle.Project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A problem of the 问题解决台账; {@code overdue} = open after its deadline (as of today); {@code loggedOn} the 登记日期,
 * {@code loggedAt} when it was typed in.
 */
public record ProblemView(UUID id, UUID projectId, String projectCode, String projectName, String district,
                          ProblemCategory category, String categoryLabel, String description, String department,
                          LocalDate deadline, ProblemState state, boolean overdue, String resolution,
                          LocalDate resolvedOn, String resolvedBy, String loggedBy, Instant loggedAt,
                          @Schema(format = "date", description = "登记日期 (the day the problem was logged)")
                          LocalDate loggedOn) {

    public static ProblemView of(ProjectProblem p, Project project, LocalDate today) {
        return new ProblemView(p.id(), p.projectId(), project.code(), project.facts().name(), p.district(),
                p.category(), p.category().label(), p.description(), p.department(), p.deadline(), p.state(),
                p.overdue(today), p.resolution(), p.resolvedOn(), p.resolvedBy(), p.loggedBy(), p.loggedAt(),
                p.loggedOn());
    }
}
