package cn.zz.pipeline.project.milestones;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of {@code PUT /api/milestone-templates}: the whole new version. */
@Schema(description = "新版本的全部里程碑模板 every template of the new version")
public record TemplatesRequest(
        @Schema(description = "模板；每个项目类型须有一个不限建设性质的模板", required = true) List<Template> templates,
        @Schema(description = "修订说明，至多 500 字", nullable = true, maxLength = 500, example = "技改项目增加清表节点")
        String comment) {
}
