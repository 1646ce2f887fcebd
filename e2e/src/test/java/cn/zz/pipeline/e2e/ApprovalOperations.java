package cn.zz.pipeline.e2e;

import cn.zz.pipeline.e2e.contract.Contract;

/** Drives every operation of approval-service through its Prism proxy (issue 16's contract test). */
final class ApprovalOperations {

    private final Contract contract;

    ApprovalOperations(Contract contract) {
        this.contract = contract;
    }

    void drive() {
        // TODO(issue 16): one call per operation and documented status.
    }
}
