package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.PhaseTimings;
import io.vscanpoc.core.client.Endpoint;
import java.time.Duration;

/** What one scan sent and received, for its {@link PhaseTimings}. Used by the scan's own thread only. */
public final class ScanTally {

    private int attempts;
    private int retries;
    private int http429;
    private int polls;

    /** An attempt to {@code endpoint} is being sent. */
    void attempted(Endpoint endpoint) {
        attempts++;
        if (endpoint == Endpoint.STATUS) {
            polls++;
        }
    }

    void retried() {
        retries++;
    }

    void rateLimited() {
        http429++;
    }

    /** The timings of the scan, with these counts. */
    public PhaseTimings timings(Duration submit, Duration polling, Duration fetch) {
        return new PhaseTimings(submit, polls, polling, fetch, attempts, retries, http429);
    }
}
