package io.vscanpoc.sim.internal;

/**
 * A complete answer, before any fault mangles it.
 *
 * @param status the HTTP status
 * @param body the body, JSON unless {@code contentType} says otherwise
 * @param contentType the Content-Type
 * @param headerName an extra header's name (Allow, Retry-After), or null
 * @param headerValue its value
 */
public record Reply(int status, byte[] body, String contentType, String headerName, String headerValue) {

    public static Reply json(int status, byte[] body) {
        return new Reply(status, body, ApiHandler.JSON, null, null);
    }

    public static Reply error(int status, String error, String message) {
        return json(status, Documents.error(status, error, message));
    }

    public Reply withHeader(String name, String value) {
        return new Reply(status, body, contentType, name, value);
    }

    public Reply withBody(byte[] newBody, String newContentType) {
        return new Reply(status, newBody, newContentType, headerName, headerValue);
    }
}
