package io.vscanpoc.report.evaluation;

/** The PoC's verdict. */
public enum Decision {
    /** Every criterion passed on a complete run: proceed to Phase 1. */
    GO("GO", "✓"),
    /** A criterion failed, lacked data, or the run was partial: do not proceed. */
    NO_GO("NO-GO", "✗");

    private final String label;
    private final String mark;

    Decision(String label, String mark) {
        this.label = label;
        this.mark = mark;
    }

    /** {@code GO} or {@code NO-GO}, as in the JSON's {@code decision}. */
    public String label() {
        return label;
    }

    /** ✓ or ✗. */
    public String mark() {
        return mark;
    }
}
