package io.vscanpoc.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API request as the simulator received it, recorded before any limit or fault was applied.
 *
 * @param sequence arrival number, from 0 (since start or the last {@link VscanSimulator#reset()})
 * @param method the HTTP method
 * @param path the raw path, without the query
 * @param endpoint which endpoint the path names, or null for a path that names none
 * @param headers request headers, names matched case-insensitively
 * @param body the request body as UTF-8 (empty for a GET)
 * @param receivedAt the wall-clock time it arrived
 * @param vscanTime when it arrived in vscan time since the simulator started, to compare with
 *     vscan-time settings such as a client's pacing delay
 */
public record RecordedRequest(
        long sequence,
        String method,
        String path,
        Endpoint endpoint,
        Map<String, List<String>> headers,
        String body,
        Instant receivedAt,
        Duration vscanTime) {

    /** The first value of header {@code name}, matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
