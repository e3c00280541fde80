package io.vscanpoc.core;

import io.vscanpoc.core.internal.PrintableText;

/** An extension ID that is not {@code publisher.name} in the accepted alphabet. */
public final class InvalidExtensionIdException extends IllegalArgumentException {

    private final String value;
    private final String reason;

    public InvalidExtensionIdException(String value, String reason) {
        super("invalid extension ID '" + printable(value) + "': " + reason);
        this.value = value;
        this.reason = reason;
    }

    /** The rejected text, as given. */
    public String value() {
        return value;
    }

    /** Why it was rejected, without the value. */
    public String reason() {
        return reason;
    }

    /** Control and non-ASCII characters are escaped so an error line cannot corrupt a terminal. */
    static String printable(String value) {
        return PrintableText.of(value, 80);
    }
}
