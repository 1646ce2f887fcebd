package cn.zz.pipeline.project.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The configured regions (区县) and their Chinese names; checked once at startup. */
@ApplicationScoped
public class Districts {

    private final Map<String, String> names;

    @Inject
    public Districts(ProjectConfig config) {
        Map<String, String> sorted = new TreeMap<>();
        config.districts().forEach((code, name) -> {
            if (!code.matches("\\d{6}")) {
                throw new IllegalStateException("project.districts: region code must have 6 digits: " + code);
            }
            sorted.put(code, name);
        });
        if (sorted.isEmpty()) {
            throw new IllegalStateException("project.districts: no region configured");
        }
        this.names = Collections.unmodifiableMap(sorted);
    }

    public boolean known(String code) {
        return code != null && names.containsKey(code);
    }

    /** Chinese name, null for an unknown code. */
    public String name(String code) {
        return code == null ? null : names.get(code);
    }

    public Map<String, String> all() {
        return names;
    }
}
