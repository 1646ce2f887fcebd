package cn.zz.pipeline.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every error leaves the API as application/problem+json: validation and malformed bodies as 400 with a
 * {@code violations} list naming field and rule, stale versions as 409, and anything unexpected as a 500 that
 * names no class and carries an id to find the logged cause.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 for an unavailable database asks the client to wait: a PostgreSQL restart takes a few seconds. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final int PRIORITY = 100; // ahead of the framework's own mappers

    @ServerExceptionMapper(priority = PRIORITY)
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(toViolation(v));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return respond(ApiException.badRequest(summary(violations), violations).toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ValidationException e, UriInfo uri) {
        LOG.warn("validation setup failure", e);
        return respond(new Problem(Problem.type("validation-failed"), "输入校验失败 Invalid input", 400,
                "请求无法校验 (the request could not be validated)", path(uri), null));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return respond(ApiException.badRequest(jsonViolation(e).message(), List.of(jsonViolation(e))).toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonProcessing(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return jsonProcessing(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return jsonProcessing(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response streamRead(StreamReadException e, UriInfo uri) {
        return jsonProcessing(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleVersion(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleVersion(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "无权操作 Forbidden", 403,
                "当前角色无权执行此操作 (your role does not allow this)", path(uri), null));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The framework wraps body-reading failures; report the JSON problem rather than a bare status.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe) {
                return jsonProcessing(jpe, uri);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = switch (status) {
            case 400 -> "请求有误 Bad request";
            case 401 -> "需要登录 Unauthorized";
            case 403 -> "无权操作 Forbidden";
            case 404 -> "未找到 Not found";
            case 405 -> "方法不允许 Method not allowed";
            case 406 -> "无法提供所需格式 Not acceptable";
            case 409 -> "冲突 Conflict";
            case 415 -> "不支持的内容类型 Unsupported media type";
            default -> Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        String detail = switch (status) {
            case 404 -> "没有这个资源 (no such resource)";
            case 405 -> "此路径不支持该方法 (method not allowed on this path)";
            case 415 -> "请求体的内容类型不受支持 (unsupported Content-Type)";
            case 406 -> "无法按 Accept 要求的格式应答 (cannot answer in the requested format)";
            default -> "请求无法处理 (the request could not be processed)";
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type(slug(status)), title, status, detail, path(uri), null));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = PRIORITY + 1)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            // a restart or failover of PostgreSQL: the client retries, as it does with the balancer's 503
            LOG.warnf("database unavailable on %s: %s", path(uri), e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .entity(new Problem(Problem.type("database-unavailable"), "数据库暂不可用 Database unavailable", 503,
                            "数据库暂时不可用，请稍后重试；命令可能未生效，重试前请先查询 (the database is briefly"
                                    + " unavailable; retry later, and read before repeating a command)", path(uri),
                            null))
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.type("internal-error"), "内部错误 Internal error", 500,
                "服务器内部错误，请将错误编号告知管理员 (internal error, id " + errorId + ")", path(uri), null));
    }

    private Response staleVersion(UriInfo uri) {
        return respond(new Problem(Problem.type("stale-version"), "版本冲突 Conflict", 409,
                "该记录已被他人修改，请重新读取后再提交 (the record was changed concurrently; reload and retry)",
                path(uri), null));
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pipeline\"")
                .entity(new Problem(Problem.type("unauthorized"), "需要登录 Unauthorized", 401,
                        "缺少或无效的访问令牌 (a valid bearer token is required)", path(uri), null))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String path(UriInfo uri) {
        try {
            return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String summary(List<Violation> violations) {
        if (violations.size() == 1) {
            Violation v = violations.get(0);
            return v.field() + ": " + v.message();
        }
        return violations.size() + " 处输入有误 (" + violations.size() + " invalid fields)";
    }

    /** Field path of a bean-validation violation as the client wrote it: "body.totalInvestment" → "totalInvestment". */
    static Violation toViolation(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        boolean afterParameter = false;
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                afterParameter = true;
                continue;
            }
            if (afterParameter || node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName();
                if (node.getIndex() != null && !names.isEmpty()) {
                    int last = names.size() - 1;
                    names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                }
                if (name != null && !name.startsWith("<")) {
                    names.add(name);
                }
            }
        }
        String field = names.isEmpty() ? (parameter == null ? "" : parameter) : String.join(".", names);
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Violation(field, code, v.getMessage(), safeValue(v.getInvalidValue()), limit(code, attributes));
    }

    private static Object limit(String code, Map<String, Object> a) {
        return switch (code) {
            case "Min", "Max", "DecimalMin", "DecimalMax" -> a.get("value");
            case "Size", "Length", "Range" -> Map.of("min", a.get("min"), "max", a.get("max"));
            case "Pattern" -> a.get("regexp");
            case "Digits" -> Map.of("integer", a.get("integer"), "fraction", a.get("fraction"));
            default -> null;
        };
    }

    /** Echo scalars only, cut short: never reflect a whole hostile body. */
    static Object safeValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal) {
            String s = value.toString();
            return s.length() > 100 ? s.substring(0, 100) + "…" : s;
        }
        return null;
    }

    static Violation jsonViolation(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = fieldPath(u);
            return new Violation(field, "unknown-field", "未知字段 (unknown field)", null, null);
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            Object limit = null;
            String expected = target == null ? "value" : target.getSimpleName();
            if (target != null && target.isEnum()) {
                limit = Arrays.stream(target.getEnumConstants()).map(Object::toString).toList();
                expected = "one of " + limit;
            }
            return new Violation(fieldPath(f), "invalid-format", "格式不正确，应为 " + describe(target)
                    + " (expected " + expected + ")", safeValue(f.getValue()), limit);
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            return new Violation(fieldPath(m), "invalid-type", "类型不正确，应为 " + describe(target)
                    + " (expected " + (target == null ? "another type" : target.getSimpleName()) + ")", null, null);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new Violation(fieldPath(m), "invalid-value", "取值无效 (invalid value)", null, null);
        }
        return new Violation("", "malformed-json", "请求体不是合法的 JSON (malformed JSON body)", null, null);
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "其他类型";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "数字";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true/false";
        }
        if (target == java.time.LocalDate.class) {
            return "日期 yyyy-MM-dd";
        }
        if (target == UUID.class) {
            return "UUID";
        }
        if (target.isEnum()) {
            return "枚举值";
        }
        if (target == String.class) {
            return "字符串";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "数组";
        }
        return "对象";
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
