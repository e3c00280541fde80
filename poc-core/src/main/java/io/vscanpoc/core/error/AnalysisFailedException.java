package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** The API ran the analysis and reported it {@code failed}. Not retried: it would fail again. */
public final class AnalysisFailedException extends VscanException {

    public AnalysisFailedException(String message) {
        super(message, 0, null);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.ANALYSIS_FAILED;
    }
}
