package cn.zz.pipeline.project.problems;

/** Categories of the problem ledger (问题解决台账); the constant name is the code on the wire. */
public enum ProblemCategory {
    LAND("土地"),
    FUNDING("资金"),
    PROCEDURE("手续"),
    UTILITIES("水电"),
    FINANCING("融资"),
    LABOUR("用工"),
    OTHER("其他");

    private final String label;

    ProblemCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
