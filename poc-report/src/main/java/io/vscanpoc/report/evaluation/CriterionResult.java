package io.vscanpoc.report.evaluation;

import java.util.Objects;

/**
 * How one criterion came out.
 *
 * @param criterion which one
 * @param passed whether it passed; false whenever the data to judge it is missing
 * @param measured the measured value in the criterion's {@link Criterion#unit() unit}; null when
 *     there was no data
 * @param threshold the threshold it was compared with
 * @param detail one sentence of evidence: what was measured where, or why there is no data
 */
public record CriterionResult(Criterion criterion, boolean passed, Double measured, double threshold, String detail) {

    public CriterionResult {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(detail, "detail");
        if (measured != null && !Double.isFinite(measured)) {
            throw new IllegalArgumentException("measured must be finite or null, got " + measured);
        }
        if (measured == null && passed) {
            throw new IllegalArgumentException("a criterion without data cannot pass");
        }
    }

    /** A result judged from {@code measured} against the criterion's threshold. */
    public static CriterionResult judged(Criterion criterion, double measured, String detail) {
        return new CriterionResult(criterion, criterion.meets(measured), measured, criterion.threshold(), detail);
    }

    /** A failed result because there was nothing to judge. */
    public static CriterionResult noData(Criterion criterion, String detail) {
        return new CriterionResult(criterion, false, null, criterion.threshold(), detail);
    }

    /** A failed result although a value was measured (the value alone does not show why). */
    public static CriterionResult failed(Criterion criterion, double measured, String detail) {
        return new CriterionResult(criterion, false, measured, criterion.threshold(), detail);
    }

    /** The criterion's JSON id. */
    public String id() {
        return criterion.id();
    }
}
