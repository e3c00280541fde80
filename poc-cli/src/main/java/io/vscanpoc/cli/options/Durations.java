package io.vscanpoc.cli.options;

import java.time.Duration;

/** Fractional seconds from the command line to a {@link Duration}. */
final class Durations {

    private Durations() {}

    static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
