package io.vscanpoc.core.client.internal;

import java.io.IOException;

/** Raised inside the HTTP client when an answer's body passes the size cap; becomes MALFORMED_RESPONSE. */
final class BodyTooLargeException extends IOException {

    private final int status;
    private final long limit;

    BodyTooLargeException(int status, long limit) {
        super("response larger than " + limit + " bytes");
        this.status = status;
        this.limit = limit;
    }

    int status() {
        return status;
    }

    long limit() {
        return limit;
    }
}
