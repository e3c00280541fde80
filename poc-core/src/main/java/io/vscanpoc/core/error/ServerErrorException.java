package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/**
 * HTTP 5xx, with its status. 502, 503 and 504 are usually passing (a proxy, an overloaded or
 * restarting backend) and are retryable; 500 is a bug on the server that the same request would hit
 * again, so it is not.
 */
public final class ServerErrorException extends VscanException {

    private final int status;

    public ServerErrorException(String message, int status) {
        super(message, status, null);
        this.status = status;
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.SERVER_ERROR;
    }

    @Override
    public boolean retryable() {
        return status == 502 || status == 503 || status == 504;
    }
}
