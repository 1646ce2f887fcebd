package cn.zz.pipeline.platform.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions of a list's optional filters, for a Panache {@code find(query, params)} / {@code count(query,
 * params)}: a condition is added only when its value is given, so the query names exactly the filters in use (and
 * PostgreSQL plans it for them). No conditions is the empty query, which Panache reads as "every row".
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is not null. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a condition with several parameters, always. */
    public Where and(String condition, Map<String, Object> values) {
        conditions.add(condition);
        params.putAll(values);
        return this;
    }

    /** The conditions joined by {@code and}, without {@code where}; empty when none. */
    public String query() {
        return String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }
}
