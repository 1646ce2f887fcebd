package cn.zz.pipeline.project;

import cn.zz.pipeline.platform.problem.ApiException;
import cn.zz.pipeline.platform.problem.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bean-validation results as {@link Violation}s, and the 400/422 answers built from a list of them. */
public final class Violations {

    private Violations() {
    }

    public static <T> List<Violation> of(Set<ConstraintViolation<T>> found) {
        List<Violation> out = new ArrayList<>(found.size());
        for (ConstraintViolation<T> v : found) {
            out.add(of(v));
        }
        return out;
    }

    /** Field path as the client wrote it: {@code taskForce[1]}, {@code name}. */
    static Violation of(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        Map<String, Object> a = v.getConstraintDescriptor().getAttributes();
        String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object limit = switch (code) {
            case "Min", "Max", "DecimalMin", "DecimalMax" -> a.get("value");
            case "Size" -> Map.of("min", a.get("min"), "max", a.get("max"));
            case "Pattern" -> a.get("regexp");
            case "Digits" -> Map.of("integer", a.get("integer"), "fraction", a.get("fraction"));
            default -> null;
        };
        Object value = v.getInvalidValue();
        if (!(value == null || value instanceof Number || value instanceof Boolean || value instanceof CharSequence
                || value instanceof Enum<?> || value instanceof java.time.temporal.Temporal)) {
            value = null; // echo scalars only
        } else if (value instanceof CharSequence s && s.length() > 100) {
            value = s.subSequence(0, 100) + "…";
        }
        return new Violation(field.toString(), code, v.getMessage(), value, limit);
    }

    /** 400 with every violation, sorted by field so the answer is stable. */
    public static ApiException invalid(List<Violation> violations) {
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing(Violation::field));
        return ApiException.badRequest(summary(sorted), sorted);
    }

    static String summary(List<Violation> violations) {
        if (violations.size() == 1) {
            return violations.get(0).field() + ": " + violations.get(0).message();
        }
        return violations.size() + " 处输入有误 (" + violations.size() + " invalid fields)";
    }
}
