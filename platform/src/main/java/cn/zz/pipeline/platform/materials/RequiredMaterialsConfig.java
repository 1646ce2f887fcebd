package cn.zz.pipeline.platform.materials;

import cn.zz.pipeline.events.MaterialKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/**
 * The kinds of 入库资料 a project needs before it enters the statistics library (入库), prefix
 * {@code pipeline.materials}: project-service (the district's 入库 gate) and reporting-service (the admission ledger's
 * missingMaterials) read this one list; give both services the same value.
 */
@ConfigMapping(prefix = "pipeline.materials")
public interface RequiredMaterialsConfig {

    /** In the order they are reported, e.g. {@code APPROVAL_DOC,CONTRACT,SITE_PHOTO}. */
    @WithDefault("APPROVAL_DOC,CONTRACT,SITE_PHOTO")
    List<MaterialKind> required();
}
