package cn.zz.pipeline.platform.materials;

import cn.zz.pipeline.events.MaterialKind;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;

/**
 * The one rule of which required 入库资料 a project still lacks (see {@link RequiredMaterialsConfig}). Unremovable:
 * reporting-service's ledgers are plain objects that look it up, so no injection point keeps it (and its config).
 */
@ApplicationScoped
@Unremovable
public class RequiredMaterials {

    private final List<MaterialKind> required;

    @Inject
    public RequiredMaterials(RequiredMaterialsConfig config) {
        this.required = config.required().stream().distinct().toList();
    }

    public List<MaterialKind> required() {
        return required;
    }

    /** The required kinds not among {@code present}, in the configured order. */
    public List<MaterialKind> missing(Collection<MaterialKind> present) {
        return required.stream().filter(k -> !present.contains(k)).toList();
    }
}
