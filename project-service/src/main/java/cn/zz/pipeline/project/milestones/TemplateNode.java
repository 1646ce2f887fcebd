package cn.zz.pipeline.project.milestones;

import cn.zz.pipeline.events.project.MilestoneNode.Completion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One node of a milestone template.
 *
 * @param offsetDays days before the target start; for {@code PRODUCTION} 投产, days after it
 */
@Schema(description = "模板中的一个节点 one node of a template")
public record TemplateNode(
        @Schema(description = "节点代码：大写字母、数字和下划线，字母开头，至多 40 位；LAND 拿地、APPROVED 并联审批完成、"
                + "START 开工、PRODUCTION 投产为固定代码", required = true, pattern = "^[A-Z][A-Z0-9_]{0,39}$",
                example = "LAND") String code,
        @Schema(description = "节点中文名称，至多 50 字", required = true, maxLength = 50, example = "拿地") String name,
        @Schema(description = "距目标开工日期的天数：开工前若干天；PRODUCTION 投产为开工后若干天；START 为 0", required = true,
                minimum = "0", maximum = "3650", example = "90") Integer offsetDays,
        @Schema(description = "完成方式：EVENT 由项目事件完成（APPROVED、START、PRODUCTION），MANUAL 由区县人员手工填报",
                required = true) Completion completion) {
}
