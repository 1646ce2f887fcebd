package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.events.ConstructionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The ordered nodes of one project type's plan, or of one construction type of it where that differs.
 *
 * @param constructionType null: every construction type of the project type without a template of its own
 */
@Schema(description = "一个项目类型（及建设性质）的节点模板 the nodes of one project type")
public record Template(
        @Schema(description = "项目类型：01 基本建设、02 技术改造、03 单纯购置、04 信息化、99 其他", required = true,
                enumeration = {"01", "02", "03", "04", "99"}, example = "01") String projectType,
        @Schema(description = "建设性质；为空时适用于该项目类型中没有专门模板的所有建设性质", nullable = true)
        ConstructionType constructionType,
        @Schema(description = "节点，按计划先后排列；须含 START（offsetDays 0），PRODUCTION 如有须为最后一个", required = true)
        List<TemplateNode> nodes) {
}
