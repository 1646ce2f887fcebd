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
@Schema(name = "ProblemView", description = "问题解决台账中的一个问题 (a problem of a project)")
public record ProblemView(
        @Schema(required = true, description = "问题 ID (problem id)") UUID id,
        @Schema(required = true, description = "项目 ID (project id)") UUID projectId,
        @Schema(required = true, description = "项目代码 (project code)", example = "2026-410106-37-01-00017X")
        String projectCode,
        @Schema(required = true, description = "项目名称 (project name)") String projectName,
        @Schema(required = true, description = "区县代码 (district code)", example = "410106") String district,
        @Schema(required = true, description = "问题类别 (category)") ProblemCategory category,
        @Schema(required = true, description = "类别名称 (category label)", example = "水电") String categoryLabel,
        @Schema(required = true, description = "问题描述 (what blocks the project)") String description,
        @Schema(required = true, description = "责任单位 (responsible department)", example = "供电公司")
        String department,
        @Schema(required = true, format = "date", description = "解决时限 (deadline)") LocalDate deadline,
        @Schema(required = true, description = "状态：OPEN 未解决, RESOLVED 已解决 (state)") ProblemState state,
        @Schema(required = true, description = "逾期：今天已过解决时限仍未解决 (open after its deadline, as of today)")
        boolean overdue,
        @Schema(description = "解决情况；未解决为 null (how it was resolved)") String resolution,
        @Schema(format = "date", description = "解决日期；未解决为 null (resolved on)") LocalDate resolvedOn,
        @Schema(description = "解决登记人；未解决为 null (resolved by)") String resolvedBy,
        @Schema(required = true, description = "登记人 (logged by)") String loggedBy,
        @Schema(required = true, format = "date-time", description = "录入时间 (typed in at)") Instant loggedAt,
        @Schema(required = true, format = "date", description = "登记日期 (the day the problem was logged)")
        LocalDate loggedOn) {

    public static ProblemView of(ProjectProblem p, Project project, LocalDate today) {
        return new ProblemView(p.id(), p.projectId(), project.code(), project.facts().name(), p.district(),
                p.category(), p.category().label(), p.description(), p.department(), p.deadline(), p.state(),
                p.overdue(today), p.resolution(), p.resolvedOn(), p.resolvedBy(), p.loggedBy(), p.loggedAt(),
                p.loggedOn());
    }
}
