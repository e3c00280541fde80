package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** The connection failed, was refused, or was reset before a whole answer arrived. Retryable. */
public final class NetworkException extends VscanException {

    public NetworkException(String message, Throwable cause) {
        super(message, 0, cause);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.NETWORK;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
