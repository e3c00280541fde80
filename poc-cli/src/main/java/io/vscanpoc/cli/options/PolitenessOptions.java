package io.vscanpoc.cli.options;

import com.beust.jcommander.Parameter;
import io.vscanpoc.cli.UsageException;
import java.time.Duration;

/** How gently the client treats the API. Durations are in vscan (real-service) seconds. */
public final class PolitenessOptions {

    @Parameter(
            names = "--delay",
            description = "Minimum seconds between two requests of the same worker (vscan time)")
    public double delaySeconds = 1.5;

    @Parameter(names = "--max-rps", description = "Global cap on requests per second, all workers together")
    public Double maxRps;

    @Parameter(names = "--max-requests", description = "Request budget: stop sending once this many are spent")
    public Long maxRequests;

    @Parameter(names = "--timeout", description = "Seconds to wait for one HTTP answer (vscan time)")
    public double timeoutSeconds = 30;

    public void validate() {
        if (!(delaySeconds >= 0) || delaySeconds > 3600) {
            throw new UsageException("--delay must be between 0 and 3600 seconds, got " + delaySeconds);
        }
        if (maxRps != null && (!(maxRps > 0) || maxRps.isInfinite())) {
            throw new UsageException("--max-rps must be a positive number, got " + maxRps);
        }
        if (maxRequests != null && maxRequests < 1) {
            throw new UsageException("--max-requests must be at least 1, got " + maxRequests);
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new UsageException("--timeout must be between 0 and 3600 seconds, got " + timeoutSeconds);
        }
    }

    public Duration delay() {
        return Durations.ofSeconds(delaySeconds);
    }

    public Duration timeout() {
        return Durations.ofSeconds(timeoutSeconds);
    }
}
