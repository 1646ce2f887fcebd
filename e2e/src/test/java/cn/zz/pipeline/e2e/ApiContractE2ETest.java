package cn.zz.pipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zz.pipeline.e2e.contract.Contract;
import cn.zz.pipeline.e2e.contract.Contract.Service;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16: every operation of the three packaged services, driven through Stoplight Prism's validating proxy
 * ({@code prism proxy <the service's /q/openapi> <service> --errors}) as an outside client would: the ordinary flows
 * (register, declare, approve in four departments, admit, start, report, read reports and ledgers) and each
 * operation's documented errors. Fails on any request or response that breaks the document, and on any operation no
 * call reached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(Integer.MAX_VALUE) // last: its 入库 projects (admitted 80 days ago) would change the seeded periods' counts
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiContractE2ETest {

    private Contract contract;

    @BeforeAll
    void up() {
        Stack stack = Stack.shared();
        contract = Contract.start(stack.realmUrl(), Map.of(
                Service.PROJECT, "http://localhost:" + stack.projectPort,
                Service.APPROVAL, "http://localhost:" + stack.approvalPort,
                Service.REPORTING, "http://localhost:" + stack.reportingPort), Path.of("target/prism"));
    }

    @AfterAll
    void down() {
        if (contract != null) {
            contract.close();
        }
    }

    @Test
    @Order(1)
    void projectService() {
        if (contract.selected.contains(Service.PROJECT)) {
            new ProjectOperations(contract).drive();
        }
    }

    @Test
    @Order(2)
    void approvalService() {
        if (contract.selected.contains(Service.APPROVAL)) {
            new ApprovalOperations(contract).drive();
        }
    }

    @Test
    @Order(3)
    void reportingService() {
        if (contract.selected.contains(Service.REPORTING)) {
            new ReportingOperations(contract).drive();
        }
    }

    @Test
    @Order(4)
    void everyOperationAnsweredWithinTheDocument() {
        System.out.println("[contract] operations exercised: " + contract.exercisedCount() + "\n"
                + contract.coverage());
        assertThat(contract.findings()).as("what Prism found wrong").isEmpty();
        assertThat(contract.unexercised()).as("operations no call reached").isEmpty();
    }
}
