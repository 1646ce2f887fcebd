package cn.zz.pipeline.approval.cases;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The applicant's resubmission after a return (补正); the comment is optional (the body may be {@code {}}). */
@Schema(name = "ApprovalResubmission", description = "补正后重新提交 (the applicant's resubmission after a return)")
public record ResubmissionRequest(
        @Schema(description = "补正说明 (what was supplied)", maxLength = 1000, examples = "已补充规划选址图件")
        @Size(max = 1000) String comment) {
}
