package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.events.ConstructionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One version of the milestone templates; a plan remembers the version it was generated with. */
@Schema(description = "里程碑模板的一个版本 one version of the milestone templates")
public record TemplateSet(
        @Schema(required = true, description = "版本号；1 为系统预置 version, 1 = the shipped defaults", example = "1") int version,
        @Schema(required = true, description = "各项目类型的模板") List<Template> templates,
        @Schema(description = "修订说明", nullable = true) String comment,
        @Schema(description = "修订人；预置版本为 null", nullable = true) String createdBy,
        @Schema(description = "修订时间；预置版本为 null", nullable = true, format = "date-time") Instant createdAt) {

    /** The template of a project: its construction type's own, else its project type's general one. */
    public Template forProject(String projectType, ConstructionType constructionType) {
        Template general = null;
        for (Template t : templates) {
            if (t.projectType().equals(projectType)) {
                if (t.constructionType() == constructionType) {
                    return t;
                }
                if (t.constructionType() == null) {
                    general = t;
                }
            }
        }
        if (general == null) {
            throw new IllegalStateException("templates v" + version + " lack project type " + projectType);
        }
        return general;
    }
}
