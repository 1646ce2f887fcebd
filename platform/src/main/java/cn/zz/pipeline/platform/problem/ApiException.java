package cn.zz.pipeline.platform.problem;

import java.util.List;

/** A refusal the API answers with a problem document; services throw it, {@link ProblemMappers} renders it. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<Violation> violations;

    public ApiException(int status, String slug, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations == null ? null : List.copyOf(violations);
    }

    public static ApiException badRequest(String detail, List<Violation> violations) {
        return new ApiException(400, "validation-failed", "输入校验失败 Invalid input", detail, violations);
    }

    public static ApiException badRequest(Violation violation) {
        return badRequest(violation.message(), List.of(violation));
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "未找到 Not found", what + " " + id + " 不存在 (not found)", null);
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(409, slug, "冲突 Conflict", detail, null);
    }

    public static ApiException unprocessable(String slug, String title, String detail, List<Violation> violations) {
        return new ApiException(422, slug, title, detail, violations);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "无权操作 Forbidden", detail, null);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "precondition-required", "缺少前置条件 Precondition required", detail, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations);
    }
}
