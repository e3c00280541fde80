package io.vscanpoc.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.Fault;
import io.vscanpoc.sim.SimulatorProfile;
import io.vscanpoc.sim.VscanSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shaded jar's client is the only thing that repeats a request. When a reused keep-alive
 * connection closes before any byte of the answer to a GET, java.net.http would resend the GET by
 * itself, unseen by the client's counters, pacing and budget, and the server would count one
 * request more than the report (docs/reliability.md). {@code Main} turns that off, so the repeat
 * is the client's own retry and the counts agree.
 */
class WireCountIT {

    private static final String SCALE = "0.05";

    @TempDir
    Path dir;

    @Test
    void theReportCountsEveryRequestTheServerSawWhenAGetsConnectionCloses() throws Exception {
        var config = SimulatorProfile.IDEAL.builder().timeScale(Double.parseDouble(SCALE)).build();
        try (var sim = VscanSimulator.start(config)) {
            // The first poll goes out on the connection its submit used: a reused one.
            sim.scriptFor(Endpoint.STATUS, Fault.closeBeforeResponse());
            Path ids = Files.writeString(dir.resolve("ids.txt"), "wire-count.one\nwire-count.two\nwire-count.three\n");
            Path report = dir.resolve("report.md");
            var result = PocJar.run(dir, Duration.ofMinutes(2),
                    "run", "--api-url", sim.baseUrl().toString(), "--time-scale", SCALE,
                    // A roomy timeout: a cold JVM's first exchange must not time out and retry too.
                    "--timeout", "120",
                    "--extensions", ids.toString(), "--workers", "1", "--cache-states", "empty", "--no-warmup",
                    "--cache-dir", dir.resolve("cache").toString(), "--report", report.toString(), "--quiet");

            assertTrue(result.exitCode() == 0 || result.exitCode() == 1, result.exitCode() + "\n" + result.stderr());
            assertEquals(0, sim.pendingFaults(), "the scripted close was met");
            JsonNode scenario = JsonMapper.builder().build().readTree(dir.resolve("report.json").toFile())
                    .path("scenarios").get(0);
            assertEquals(3, scenario.path("successes").asInt(), scenario.toString());
            assertEquals(sim.stats().requests(), scenario.path("requests").asLong(),
                    "requests the simulator received = requests in the report");
            assertEquals(1, scenario.path("retries").asInt(), "the closed poll was repeated by the client's retry");
        }
    }
}
