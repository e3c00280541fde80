package io.vscanpoc.core.scanner.internal;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.error.VscanException;

/**
 * Turns what a task threw into a category, a one-line message and an HTTP status, by type only.
 * Not API; the rules are stated on {@link io.vscanpoc.core.scanner.ParallelScanner}.
 */
public final class FailureClassifier {

    /** Longest message kept from a throwable. */
    static final int MAX_MESSAGE = 300;

    private FailureClassifier() {}

    /** A classified failure. {@code httpStatus} is 0 when no HTTP answer caused it. */
    public record Classification(ErrorCategory category, String message, int httpStatus) {}

    /**
     * Classifies a throwable that ended a task on its own, not because the scanner interrupted it.
     */
    public static Classification classify(Throwable thrown) {
        return switch (thrown) {
            case VscanException e ->
                    new Classification(e.category(), messageOf(e, false), e.httpStatus().orElse(0));
            case InterruptedException e ->
                    // Nothing but the scanner interrupts a worker, and it did not: the task (or a
                    // library under it) threw this on its own, which is a bug to look at.
                    new Classification(
                            ErrorCategory.INTERNAL,
                            "task threw InterruptedException without being cancelled" + detail(e),
                            0);
            default -> new Classification(ErrorCategory.INTERNAL, messageOf(thrown, true), 0);
        };
    }

    /**
     * True for errors after which the JVM itself is not to be trusted, so the scan must not go on:
     * every {@link VirtualMachineError} except {@link StackOverflowError}, whose stack has unwound
     * by the time it is caught and which, like an {@link AssertionError}, is a bug of one task.
     */
    public static boolean isFatal(Throwable thrown) {
        return thrown instanceof VirtualMachineError && !(thrown instanceof StackOverflowError);
    }

    private static String messageOf(Throwable thrown, boolean withType) {
        String message = oneLine(thrown.getMessage());
        if (!withType && !message.isEmpty()) {
            return message;
        }
        String type = thrown.getClass().getName();
        return "task threw " + type + (message.isEmpty() ? "" : ": " + message);
    }

    private static String detail(Throwable thrown) {
        String message = oneLine(thrown.getMessage());
        return message.isEmpty() ? "" : ": " + message;
    }

    /** The first line of {@code text}, trimmed and capped; empty for null. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        String line = text.substring(0, end).strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
