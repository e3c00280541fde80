package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** HTTP 4xx other than 404 and 429: the request itself was refused. Never retried. */
public final class ClientErrorException extends VscanException {

    public ClientErrorException(String message, int status) {
        super(message, status, null);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CLIENT_ERROR;
    }
}
