package io.vscanpoc.core.client.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes text for one URL path segment. Every byte but RFC 3986's unreserved characters is
 * encoded, so an ID the server sends can never add a segment, a query or a fragment to our URL.
 * ({@link java.net.URLEncoder} is for forms: it turns a space into {@code +}, which in a path is a
 * literal plus.)
 */
public final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {}

    /** {@code text}, UTF-8, with everything but {@code A-Z a-z 0-9 - . _ ~} percent-encoded. */
    public static String encode(String text) {
        var out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
