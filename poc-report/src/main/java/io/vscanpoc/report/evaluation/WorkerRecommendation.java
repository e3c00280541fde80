package io.vscanpoc.report.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The worker counts the data supports (see docs/report.md for the rules).
 *
 * @param recommended the recommended count; null when no tested count was safe
 * @param maxSafe the largest tested count with zero 429s and at least 95% success in every one of
 *     its scenarios; null when no tested count was
 * @param levels every tested worker count, ascending
 * @param rationale sentences explaining how {@code recommended} was chosen
 */
public record WorkerRecommendation(Integer recommended, Integer maxSafe, List<WorkerLevel> levels, String rationale) {

    public WorkerRecommendation {
        levels = List.copyOf(levels);
        Objects.requireNonNull(rationale, "rationale");
    }
}
