package cn.zz.pipeline.project.materials;

import cn.zz.pipeline.events.District;
import cn.zz.pipeline.events.MaterialKind;
import cn.zz.pipeline.platform.materials.RequiredMaterials;
import cn.zz.pipeline.platform.problem.Violation;
import cn.zz.pipeline.project.lifecycle.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/**
 * The 入库 gate of 入库资料: in a district that turned it on ({@code project.materials.gate.districts}), a project
 * enters the statistics library only with a file of every required kind ({@code pipeline.materials.required}).
 */
@ApplicationScoped
public class AdmissionMaterials {

    private final Set<String> gated;

    @Inject
    RequiredMaterials required;

    @Inject
    MaterialRepository materials;

    @Inject
    public AdmissionMaterials(MaterialsConfig config) {
        config.gate().districts().keySet().forEach(code -> {
            // A typo in a district key would silently leave the gate off.
            if (!District.known(code)) {
                throw new IllegalStateException("project.materials.gate.districts: unknown region " + code);
            }
        });
        gated = Set.copyOf(config.gate().districts().entrySet().stream().filter(e -> e.getValue())
                .map(java.util.Map.Entry::getKey).toList());
    }

    /** One violation per required kind the project lacks; none where the district has no such gate. */
    public List<Violation> unmet(Project p) {
        if (!gated.contains(p.district())) {
            return List.of();
        }
        return required.missing(materials.kindsOf(p.id())).stream().map(AdmissionMaterials::missing).toList();
    }

    private static Violation missing(MaterialKind kind) {
        return new Violation("materials", "missing-material", "缺少入库资料：" + kind.label() + "（" + kind + "），请先上传"
                + " (missing material " + kind + ")", kind.name(), null);
    }
}
