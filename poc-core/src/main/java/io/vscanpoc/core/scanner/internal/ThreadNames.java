package io.vscanpoc.core.scanner.internal;

/**
 * Makes a thread name safe to print: thread dumps, JFR recordings and log lines show it verbatim,
 * and an item's text may come from a file or a remote answer. Not API.
 */
public final class ThreadNames {

    /** Longest name kept; longer ones are cut and end in {@code ...}. */
    public static final int MAX_LENGTH = 96;

    private ThreadNames() {}

    /**
     * {@code raw} with every control, format or separator character replaced by {@code ?}, cut to
     * {@value #MAX_LENGTH} characters; {@code fallback} when {@code raw} is null or empty.
     */
    public static String sanitize(String raw, String fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        boolean cut = raw.length() > MAX_LENGTH;
        int length = cut ? MAX_LENGTH - 3 : raw.length();
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(length + 3).append(raw, 0, i);
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        if (out == null && !cut) {
            return raw;
        }
        if (out == null) {
            out = new StringBuilder(length + 3).append(raw, 0, length);
        }
        if (cut) {
            out.append("...");
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
