package io.vscanpoc.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Discovery against a simulator whose rate limit is known, so the right answer can be computed. */
class DiscoverIT {

    @TempDir
    Path dir;

    @Test
    void findsTheWorkerCountTheConfiguredRateLimitAllows() throws Exception {
        // Each worker paces its own requests at least `delay` apart (start to start) and the
        // simulator answers at once (latency 0), so W workers send W / delay requests per second.
        // The simulator admits `rate` per second, so the largest safe count is floor(rate * delay).
        // The burst is twice that: it absorbs the simultaneous first requests and any bunching a
        // loaded machine causes, while one worker more still drains it well within a step.
        double delaySeconds = 1.0;
        double rate = 4.3;
        int expected = (int) Math.floor(rate * delaySeconds);
        int burst = 2 * expected;
        int requestsPerStep = 3 * 30; // analyze, status, results for each of the 30 built-in extensions
        double drainSeconds = burst / ((expected + 1) / delaySeconds - rate);
        double stepSeconds = requestsPerStep * delaySeconds / (expected + 1);
        assertTrue(drainSeconds < 0.75 * stepSeconds, "the configuration must let one worker too many drain the burst");

        Path json = dir.resolve("discover.json");
        var result = PocJar.run(dir, Duration.ofMinutes(2), "discover", "--simulate", "--sim-profile", "ideal",
                "--sim-latency-ms", "0", "--sim-rate-limit", Double.toString(rate), "--sim-burst", Integer.toString(burst),
                "--delay", Double.toString(delaySeconds), "--time-scale", "0.1", "--max-workers", "8",
                "--json", json.toString());

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        JsonNode doc = JsonMapper.builder().build().readTree(json.toFile());
        assertEquals(expected, doc.path("threshold").asInt(), doc.toString());
        JsonNode steps = doc.path("steps");
        assertEquals(expected + 1, steps.size(), "it stops at the first step with a 429");
        for (int i = 0; i < expected; i++) {
            assertEquals(0, steps.get(i).path("http429").asLong(), steps.get(i).toString());
        }
        assertTrue(steps.get(expected).path("http429").asLong() > 0, steps.get(expected).toString());
        assertEquals(steps.get(expected).path("http429").asLong() + 0, doc.path("simulator").path("http429").asLong(),
                "every 429 the client counted is one the simulator sent");
    }
}
