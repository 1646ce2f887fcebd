package cn.zz.pipeline.project.config;

import cn.zz.pipeline.events.District;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** The regions (区县) this service accepts as {@code district}: the project's one district table ({@link District}). */
@ApplicationScoped
public class Districts {

    public boolean known(String code) {
        return District.known(code);
    }

    /** Chinese name, null for an unknown code. */
    public String name(String code) {
        return District.byCode(code).map(District::name).orElse(null);
    }

    /** Code → Chinese name, in code order. */
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        District.all().forEach(d -> out.put(d.code(), d.name()));
        return out;
    }
}
