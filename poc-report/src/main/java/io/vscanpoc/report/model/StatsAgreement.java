package io.vscanpoc.report.model;

import java.util.Objects;

/**
 * Whether the scanner's live counters agreed with the per-result outcomes of one repetition.
 *
 * @param agrees every counter equals what the outcomes add up to
 * @param detail one line: what was compared, or the first disagreement; never null
 */
public record StatsAgreement(boolean agrees, String detail) {

    public StatsAgreement {
        Objects.requireNonNull(detail, "detail");
    }
}
