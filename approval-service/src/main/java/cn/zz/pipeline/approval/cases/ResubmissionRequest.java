package cn.zz.pipeline.approval.cases;

import jakarta.validation.constraints.Size;

/** The applicant's resubmission after a return (补正); the body is optional. */
public record ResubmissionRequest(@Size(max = 1000) String comment) {
}
