package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** Ran out of time: connecting, waiting for an answer, or waiting for the analysis to complete. */
public final class ScanTimeoutException extends VscanException {

    /** Which wait ran out. */
    public enum Phase {
        /** Connecting, or waiting for one HTTP answer. Retryable. */
        REQUEST,
        /** Polling for the analysis beyond {@code maxWait}. Not retried: it already waited long. */
        ANALYSIS
    }

    private final Phase phase;

    public ScanTimeoutException(String message, Phase phase, Throwable cause) {
        super(message, 0, cause);
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.TIMEOUT;
    }

    @Override
    public boolean retryable() {
        return phase == Phase.REQUEST;
    }
}
