package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.internal.PrintableText;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a base URL before any connection exists: absolute, https (or http to a loopback host),
 * nothing that does not belong in a base. Loopback is decided from the text alone (the name
 * {@code localhost} or an IP literal), never by resolving a name, so the check cannot leak a lookup.
 */
public final class BaseUrl {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BaseUrl() {}

    /** Parses {@code text} as a URI; the exception's message is one line. */
    public static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid base URL '" + printable(text) + "': " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /**
     * Returns {@code uri} without a trailing slash, or throws an {@link IllegalArgumentException}
     * with a one-line message saying what is wrong.
     */
    public static URI validate(URI uri) {
        String shown = printable(withoutUserInfo(uri));
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw invalid(shown, "must be an absolute URL such as https://vscan.dev/api/extensions");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(shown, "the scheme must be https (or http to a loopback host), not '" + scheme + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(shown, "it has no valid host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(shown, "it must not contain user information");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(shown, "it must not have a query or a fragment");
        }
        if (uri.getPort() > 65535) {
            throw invalid(shown, "port " + uri.getPort() + " is out of range");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException("refusing plain http to '" + printable(host)
                    + "', which is not a loopback host: use https (http is allowed only for 127.0.0.1, ::1 and localhost)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** True for {@code localhost} and for IP literals of loopback addresses; never resolves a name. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        String literal = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : null;
        if (literal == null && IPV4_LITERAL.matcher(h).matches()) {
            literal = h;
        }
        if (literal == null) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(literal).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The URL as text with any user information (a password, typically) replaced by {@code ***}. */
    private static String withoutUserInfo(URI uri) {
        String text = uri.toString();
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? text : text.replace(userInfo + "@", "***@");
    }

    private static IllegalArgumentException invalid(String shown, String reason) {
        return new IllegalArgumentException("invalid base URL '" + shown + "': " + reason);
    }

    private static String printable(String text) {
        return PrintableText.of(text, 200);
    }
}
