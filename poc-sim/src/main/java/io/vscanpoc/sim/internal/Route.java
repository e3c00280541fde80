package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.Endpoint;
import java.util.Locale;
import java.util.UUID;

/**
 * Where a request path points. Strict on purpose: a trailing slash or an extra segment is a 404,
 * so a client that builds paths wrongly finds out here rather than against vscan.dev.
 *
 * @param endpoint the endpoint the path names, or null for any other path
 * @param exact whether the path is exactly that endpoint's shape
 * @param analysisId for status and results, the ID segment as sent, else null
 */
public record Route(Endpoint endpoint, boolean exact, String analysisId) {

    /** Base path of the API, as on vscan.dev. */
    public static final String BASE = "/api/extensions";

    public static Route of(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(BASE + "/")) {
            return new Route(null, false, null);
        }
        String rest = rawPath.substring(BASE.length() + 1);
        if (rest.equals("analyze") || rest.startsWith("analyze/")) {
            return new Route(Endpoint.ANALYZE, rest.equals("analyze"), null);
        }
        for (Endpoint endpoint : new Endpoint[] {Endpoint.STATUS, Endpoint.RESULTS}) {
            String prefix = endpoint.pathSegment();
            if (rest.equals(prefix) || rest.startsWith(prefix + "/")) {
                String id = rest.length() > prefix.length() + 1 ? rest.substring(prefix.length() + 1) : "";
                boolean exact = !id.isEmpty() && id.indexOf('/') < 0;
                return new Route(endpoint, exact, exact ? id : null);
            }
        }
        return new Route(null, false, null);
    }

    /** The analysis ID as a UUID if it is one in canonical form, else null (answered 404). */
    public UUID uuid() {
        if (analysisId == null || analysisId.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(analysisId);
            return uuid.toString().equals(analysisId.toLowerCase(Locale.ROOT)) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
