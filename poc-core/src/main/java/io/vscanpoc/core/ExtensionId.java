package io.vscanpoc.core;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A VS Code marketplace extension identifier, {@code publisher.name}, for example
 * {@code ms-python.python}.
 *
 * <p>Parsing is strict because an ID ends up in URL paths, SQL bind parameters, file names of
 * reports and thread names: only ASCII letters, digits, {@code -} and {@code _} are accepted in each
 * part, each part starts with a letter or digit, and the whole ID is at most {@value #MAX_LENGTH}
 * characters. Anything else (spaces, {@code ../}, quotes, control characters, Unicode look-alikes)
 * is rejected with an {@link InvalidExtensionIdException} that says why.
 *
 * <p>The marketplace treats IDs case-insensitively ({@code ritwickdey.LiveServer} and
 * {@code ritwickdey.liveserver} are the same extension), so equality and hashing ignore case while
 * {@link #toString()} keeps the spelling it was given.
 */
public record ExtensionId(String publisher, String name) {

    /** Longest accepted ID, publisher, dot and name together. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public ExtensionId {
        check("publisher", publisher);
        check("name", name);
        if (publisher.length() + 1 + name.length() > MAX_LENGTH) {
            throw new InvalidExtensionIdException(
                    publisher + "." + name, "longer than " + MAX_LENGTH + " characters");
        }
    }

    /**
     * Parses {@code publisher.name}. Leading and trailing whitespace is not trimmed: callers that read
     * files strip lines themselves, so a stray space inside a value is reported, not hidden.
     *
     * @throws InvalidExtensionIdException if {@code text} is not a valid ID; the message says why
     */
    public static ExtensionId parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidExtensionIdException(text == null ? "" : text, "is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidExtensionIdException(
                    text.substring(0, 32) + "...", "longer than " + MAX_LENGTH + " characters");
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new InvalidExtensionIdException(text, "has no '.' between publisher and name");
        }
        try {
            return new ExtensionId(text.substring(0, dot), text.substring(dot + 1));
        } catch (InvalidExtensionIdException e) {
            // Name the whole value, not just the part that failed: the user typed the whole.
            throw new InvalidExtensionIdException(text, e.reason());
        }
    }

    private static void check(String part, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidExtensionIdException(String.valueOf(value), part + " is empty");
        }
        if (!PART.matcher(value).matches()) {
            throw new InvalidExtensionIdException(
                    value, part + " may hold only ASCII letters, digits, '-' and '_'");
        }
    }

    /** The case-folded form used as a cache key and for de-duplication. */
    public String key() {
        return (publisher + "." + name).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtensionId id && id.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return publisher + "." + name;
    }
}
