package cn.zz.pipeline.reporting.ledger;

import java.util.Optional;

/** The four ledgers (四个台账), by the name in their path. */
public enum Ledger {
    PROGRESS("progress", "进展跟踪台账", true, new ProgressLedger()),
    PROCEDURES("procedures", "手续办理台账", false, new ProceduresLedger()),
    PROBLEMS("problems", "问题解决台账", false, new ProblemsLedger()),
    ADMISSION("admission", "入库管理台账", true, new AdmissionLedger());

    private final String path;
    private final String title;
    private final boolean yearly;
    private final LedgerDefinition<?, ? extends LedgerRow> definition;

    Ledger(String path, String title, boolean yearly, LedgerDefinition<?, ? extends LedgerRow> definition) {
        this.path = path;
        this.title = title;
        this.yearly = yearly;
        this.definition = definition;
    }

    public static Optional<Ledger> byPath(String path) {
        for (Ledger l : values()) {
            if (l.path.equals(path)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public String path() {
        return path;
    }

    /** The Chinese title: sheet name and file name. */
    public String title() {
        return title;
    }

    /** Whether the ledger is of a statistics year (its file is named by the year rather than the day). */
    public boolean yearly() {
        return yearly;
    }

    public LedgerDefinition<?, ? extends LedgerRow> definition() {
        return definition;
    }
}
