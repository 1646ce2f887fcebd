package cn.zz.pipeline.project.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Body of {@code PUT /api/projects/{id}/assignment}: the leader (领导分包) and the task force (专班); replaces the
 * previous assignment. A null leader and an empty task force clear it. Names are trimmed, duplicates dropped.
 */
@Schema(description = "领导分包与专班 (the leader in charge and the task force)")
public record Assign(
        @Schema(description = "分包领导；null 清除 (leader in charge; null clears it)", example = "王副区长")
        @Size(max = 100) @PlainText String leader,
        @Schema(description = "专班成员，至多 50 人，重复的只保留一次；缺省为空 (task force members)",
                example = "[\"区发改委\", \"区住建局\"]")
        @Size(max = 50) List<@NotBlank @Size(max = 100) @PlainText String> taskForce) {

    public Assign {
        leader = Text.trim(leader);
        if (taskForce == null) {
            taskForce = List.of();
        } else {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (String n : taskForce) {
                names.add(n == null ? null : n.strip());
            }
            taskForce = new ArrayList<>(names); // may hold null or blank: bean validation names them
        }
    }
}
