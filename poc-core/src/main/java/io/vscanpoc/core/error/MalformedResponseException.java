package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** A 2xx answer whose body is not the JSON expected, lacks a required field, or is too large. */
public final class MalformedResponseException extends VscanException {

    public MalformedResponseException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }

    public MalformedResponseException(String message) {
        this(message, 0, null);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.MALFORMED_RESPONSE;
    }
}
