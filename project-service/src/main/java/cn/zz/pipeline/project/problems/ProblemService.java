package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.events.project.ProblemLogged;
import cn.zz.pipeline.events.project.ProblemResolved;
import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.platform.security.CurrentUser;
import cn.zz.pipeline.platform.time.Today;
import cn.zz.pipeline.project.lifecycle.Change;
import cn.zz.pipeline.project.lifecycle.ChangeLog;
import cn.zz.pipeline.project.lifecycle.Project;
import cn.zz.pipeline.project.lifecycle.ProjectRepository;
import cn.zz.pipeline.project.lifecycle.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The problem ledger (问题解决台账): logging and resolving problems of a project. */
@ApplicationScoped
public class ProblemService {

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectProblemRepository problems;

    @Inject
    ChangeLog changes;

    @Inject
    Today today;

    public record Outcome(Project project, ProjectProblem problem) {
    }

    @Transactional
    public Outcome log(UUID projectId, LogProblem command, String ifMatch, CurrentUser user) {
        Project p = projects.forWrite(projectId, ifMatch, user);
        ProjectService.requireOpen(p);
        Instant now = today.now();
        ProjectProblem problem = new ProjectProblem(p, command.category(), command.description(), command.department(),
                command.deadline(), user.name(), now);
        problems.persist(problem);
        p.touch(now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("problemId", problem.id().toString());
        detail.put("category", problem.category().name());
        detail.put("department", problem.department());
        detail.put("deadline", problem.deadline().toString());
        ProblemLogged event = new ProblemLogged(p.id(), problem.id(), problem.category().name(), problem.description(),
                problem.department(), problem.deadline(), user.name());
        changes.record(Change.of(p, event).by(user.name()).at(now).changing("problems").with(detail));
        return new Outcome(p, problem);
    }

    /** @throws ApiException 409 when already resolved, 422 for a resolution date in the future */
    @Transactional
    public Outcome resolve(UUID projectId, UUID problemId, ResolveProblem command, String ifMatch, CurrentUser user) {
        Project p = projects.forWrite(projectId, ifMatch, user);
        ProjectProblem problem = find(p, problemId);
        if (problem.state() == ProblemState.RESOLVED) {
            throw ApiException.conflict("already-resolved", "该问题已于 " + problem.resolvedOn() + " 由 "
                    + problem.resolvedBy() + " 解决 (already resolved)");
        }
        LocalDate day = today.date();
        LocalDate on = command.resolvedOn() != null ? command.resolvedOn() : day;
        if (on.isAfter(day)) {
            throw ApiException.unprocessable("date-in-future", "日期不能晚于今天 Date in the future",
                    "解决日期不能晚于今天", List.of(new Violation("resolvedOn", "date-in-future", "解决日期不能晚于今天", on,
                            day)));
        }
        Instant now = today.now();
        problem.resolve(command.resolution(), on, user.name());
        p.touch(now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("problemId", problem.id().toString());
        detail.put("resolvedOn", on.toString());
        ProblemResolved event = new ProblemResolved(p.id(), problem.id(), problem.resolution(), on, user.name());
        changes.record(Change.of(p, event).by(user.name()).at(now).changing("problems").with(detail));
        return new Outcome(p, problem);
    }

    /** A problem of this project, or 404 (also for a problem of another project). */
    public ProjectProblem find(Project p, UUID problemId) {
        return problems.findByIdOptional(problemId).filter(problem -> problem.projectId().equals(p.id()))
                .orElseThrow(() -> ApiException.notFound("问题 problem", problemId));
    }
}
