package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** The request budget is spent; nothing more is sent. */
public final class BudgetExhaustedException extends VscanException {

    public BudgetExhaustedException(String message) {
        super(message, 0, null);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.BUDGET_EXHAUSTED;
    }
}
