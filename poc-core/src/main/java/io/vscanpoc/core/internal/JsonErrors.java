package io.vscanpoc.core.internal;

import tools.jackson.core.JacksonException;

/**
 * What may be said about a JSON parse failure of a response: where it happened, never what was
 * there (Jackson's own message quotes the offending token, i.e. part of the body). Not API.
 */
public final class JsonErrors {

    private JsonErrors() {}

    /** {@code " at line L, column C"}, or empty when Jackson knows no position. */
    public static String position(JacksonException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
