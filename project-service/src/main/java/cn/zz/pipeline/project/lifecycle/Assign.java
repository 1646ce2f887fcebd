package cn.zz.pipeline.project.lifecycle;

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
public record Assign(@Size(max = 100) @PlainText String leader,
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
