package io.vscanpoc.core.error;

import io.vscanpoc.core.ErrorCategory;

/** HTTP 404: the API does not know the extension. */
public final class NotFoundException extends VscanException {

    public NotFoundException(String message) {
        super(message, 404, null);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.NOT_FOUND;
    }
}
