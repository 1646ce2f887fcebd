package cn.zz.pipeline.project.problems;

public enum ProblemState {
    OPEN("未解决"),
    RESOLVED("已解决");

    private final String label;

    ProblemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
