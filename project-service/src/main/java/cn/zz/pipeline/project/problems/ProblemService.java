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

    /** A 登记日期 before this is a typing error: the ledgers this system carries over start later. */
    public static final LocalDate EARLIEST_LOGGED_ON = LocalDate.of(2000, 1, 1);

    public record Outcome(Project project, ProjectProblem problem) {
    }

    /** @throws ApiException 422 for a 登记日期 in the future or before {@link #EARLIEST_LOGGED_ON} */
    @Transactional
    public Outcome log(UUID projectId, LogProblem command, String ifMatch, CurrentUser user) {
        Project p = projects.forWrite(projectId, ifMatch, user);
        ProjectService.requireOpen(p);
        LocalDate day = today.date();
        LocalDate loggedOn = command.loggedOn() != null ? command.loggedOn() : day;
        if (loggedOn.isAfter(day)) {
            String message = "登记日期不能晚于今天 (loggedOn is in the future)";
            throw ApiException.unprocessable("date-in-future", "日期不能晚于今天 Date in the future", message,
                    List.of(new Violation("loggedOn", "date-in-future", message, loggedOn, day)));
        }
        if (loggedOn.isBefore(EARLIEST_LOGGED_ON)) {
            String message = "登记日期不能早于 " + EARLIEST_LOGGED_ON + " (loggedOn before " + EARLIEST_LOGGED_ON + ")";
            throw ApiException.unprocessable("out-of-range", "日期超出范围 Date out of range", message,
                    List.of(new Violation("loggedOn", "out-of-range", message, loggedOn, EARLIEST_LOGGED_ON)));
        }
        Instant now = today.now();
        ProjectProblem problem = new ProjectProblem(p, command.category(), command.description(), command.department(),
                command.deadline(), loggedOn, user.name(), now);
        problems.persist(problem);
        p.touch(now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("problemId", problem.id().toString());
        detail.put("category", problem.category().name());
        detail.put("department", problem.department());
        detail.put("deadline", problem.deadline().toString());
        detail.put("loggedOn", loggedOn.toString());
        ProblemLogged event = new ProblemLogged(p.id(), problem.id(), problem.category().name(), problem.description(),
                problem.department(), problem.deadline(), user.name(), loggedOn);
        changes.record(Change.of(p, event).by(user.name()).at(now).changing("problems").with(detail));
        return new Outcome(p, problem);
    }

    /**
     * @throws ApiException 409 when already resolved, 422 for a resolution date in the future or before the problem
     *     was logged
     */
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
        if (on.isBefore(problem.loggedOn())) {
            String message = "解决日期不能早于问题的登记日期 " + problem.loggedOn() + " (resolvedOn before loggedOn)";
            throw ApiException.unprocessable("resolved-before-logged", "解决日期早于登记日期 Resolved before logged",
                    message, List.of(new Violation("resolvedOn", "resolved-before-logged", message, on,
                            problem.loggedOn())));
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
