package io.vscanpoc.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        // The burst admits the safe count's simultaneous first requests with one to spare for
        // bunching, and one worker more drains it well within a step even if a loaded machine
        // slows the client by 10%. A vscan second of 250 ms keeps scheduling noise small.
        double delaySeconds = 1.0;
        double rate = 2.4;
        int expected = (int) Math.floor(rate * delaySeconds);
        int burst = expected + 1;
        int extensions = 20;
        int requestsPerStep = 3 * extensions; // analyze, status, results
        double slowedRate = (expected + 1) / delaySeconds / 1.1;
        double drainSeconds = burst / (slowedRate - rate);
        double stepSeconds = requestsPerStep * delaySeconds / (expected + 1);
        assertTrue(drainSeconds < 0.75 * stepSeconds, "the configuration must let one worker too many drain the burst");

        Path list = dir.resolve("ids.txt");
        Files.writeString(list, IntStream.rangeClosed(1, extensions)
                .mapToObj(i -> "discover.ext-" + i).collect(Collectors.joining("\n")));
        Path json = dir.resolve("discover.json");
        var result = PocJar.run(dir, Duration.ofMinutes(2), "discover", "--simulate", "--sim-profile", "ideal",
                "--sim-latency-ms", "0", "--sim-rate-limit", Double.toString(rate), "--sim-burst", Integer.toString(burst),
                "--delay", Double.toString(delaySeconds), "--time-scale", "0.25", "--max-workers", "8",
                "--extensions", list.toString(), "--json", json.toString());

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        JsonNode doc = JsonMapper.builder().build().readTree(json.toFile());
        assertEquals(expected, doc.path("threshold").asInt(), doc.toString());
        JsonNode steps = doc.path("steps");
        assertEquals(expected + 1, steps.size(), "it stops at the first step with a 429");
        for (int i = 0; i < expected; i++) {
            assertEquals(0, steps.get(i).path("http429").asLong(), steps.get(i).toString());
        }
        assertTrue(steps.get(expected).path("http429").asLong() > 0, steps.get(expected).toString());
        assertEquals(steps.get(expected).path("http429").asLong(), doc.path("simulator").path("http429").asLong(),
                "every 429 the client counted is one the simulator sent");
    }
}
