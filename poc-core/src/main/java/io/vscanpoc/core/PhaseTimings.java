package io.vscanpoc.core;

import java.time.Duration;

/**
 * Where one extension's scan spent its time, measured by the client.
 *
 * @param submit the {@code POST /analyze} phase, retries included
 * @param polls number of {@code GET /status} requests sent
 * @param polling the polling phase, waits between polls included
 * @param fetch the {@code GET /results} phase, retries included
 * @param attempts HTTP requests sent for this scan, retries included
 * @param retries attempts that repeated an earlier one
 * @param http429 429 answers received, including ones a retry got past
 */
public record PhaseTimings(
        Duration submit, int polls, Duration polling, Duration fetch, int attempts, int retries, int http429) {

    public static final PhaseTimings NONE =
            new PhaseTimings(Duration.ZERO, 0, Duration.ZERO, Duration.ZERO, 0, 0, 0);
}
