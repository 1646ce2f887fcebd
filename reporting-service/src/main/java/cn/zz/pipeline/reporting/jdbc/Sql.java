package cn.zz.pipeline.reporting.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** SQL text built piece by piece together with its positional parameters, in the order the pieces appear. */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public static Sql of(String fragment, Object... params) {
        return new Sql().append(fragment, params);
    }

    /** Appends a fragment whose {@code ?} placeholders take {@code params}, in order. */
    public Sql append(String fragment, Object... params) {
        text.append(fragment);
        this.params.addAll(Arrays.asList(params));
        return this;
    }

    /**
     * Limits the query to a district scope as {@code CurrentUser.scope} gives it: {@code and <column> like '<scope>%'}
     * (a scope is a region prefix: 4101 covers 410106); nothing for null, which is every district.
     */
    public Sql inScope(String column, String scope) {
        return scope == null ? this : append(" and " + column + " like ?", scope + "%");
    }

    public Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return text.toString();
    }

    /** The parameters in order; a null is a SQL null (List.copyOf would refuse it). */
    public List<Object> params() {
        return Collections.unmodifiableList(new ArrayList<>(params));
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
