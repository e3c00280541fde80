package io.vscanpoc.report.evaluation;

import java.util.Objects;

/**
 * One raised sanity check.
 *
 * @param check which check
 * @param test the scenario it concerns; null when it concerns the whole run
 * @param detail one sentence: what was seen and what it likely means
 */
public record SanityFlag(SanityCheck check, Integer test, String detail) {

    public SanityFlag {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(detail, "detail");
    }
}
