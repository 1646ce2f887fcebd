package cn.zz.pipeline.project.problems;

import cn.zz.pipeline.project.PlainText;
import cn.zz.pipeline.project.PlausibleDate;
import cn.zz.pipeline.project.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of {@code POST /api/projects/{id}/problems}: a problem for the 问题解决台账. */
public record LogProblem(
        @NotNull ProblemCategory category,
        @NotBlank @Size(max = 2000) @PlainText String description,
        @NotBlank @Size(max = 100) @PlainText String department,
        @NotNull @PlausibleDate LocalDate deadline) {

    public LogProblem {
        description = Text.trim(description);
        department = Text.trim(department);
    }
}
