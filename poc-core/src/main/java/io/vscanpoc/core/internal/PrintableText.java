package io.vscanpoc.core.internal;

/**
 * Makes untrusted text safe for a one-line error message: control and non-ASCII characters become
 * {@code \\uXXXX} escapes (so a value cannot break the line or corrupt a terminal), and long text is
 * cut. Not API.
 */
public final class PrintableText {

    private PrintableText() {}

    /** {@code value} escaped, cut after {@code maxCodePoints} code points with {@code ...} appended. */
    public static String of(String value, int maxCodePoints) {
        var out = new StringBuilder();
        value.codePoints().limit(maxCodePoints).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04x", cp));
            }
        });
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            out.append("...");
        }
        return out.toString();
    }
}
