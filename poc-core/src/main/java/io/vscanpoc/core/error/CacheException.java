package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** The result cache could not be read or written. */
public final class CacheException extends VscanException {

    public CacheException(String message, Throwable cause) {
        super(message, 0, cause);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CACHE;
    }
}
