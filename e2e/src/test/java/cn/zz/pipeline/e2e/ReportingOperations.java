package cn.zz.pipeline.e2e;

import cn.zz.pipeline.e2e.contract.Contract;

/** Drives every operation of reporting-service through its Prism proxy (issue 16's contract test). */
final class ReportingOperations {

    private final Contract contract;

    ReportingOperations(Contract contract) {
        this.contract = contract;
    }

    void drive() {
        // TODO(issue 16): one call per operation and documented status.
    }
}
