package io.vscanpoc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Random faults are seeded: their share matches the rate, and the same seed hits the same requests. */
class RandomFaultsTest {

    private static final int REQUESTS = 400;

    @Test
    void errorRateIsHonouredAndReproducible() {
        List<Integer> first = failingRequests(42, 0.2);
        List<Integer> again = failingRequests(42, 0.2);
        List<Integer> otherSeed = failingRequests(43, 0.2);
        assertEquals(first, again, "same seed, same failing requests");
        assertNotEquals(first, otherSeed);
        // Binomial(400, 0.2): mean 80, sd 8; 4 sd either side.
        assertTrue(first.size() >= 48 && first.size() <= 112, first.size() + " of " + REQUESTS);
    }

    @Test
    void analysisFaultRatesApplyToOnDemandAnalyses() {
        var config = SimulatorProfile.IDEAL.builder()
                .latency(Duration.ZERO)
                .timeScale(0.001)
                .preAnalysedFraction(0)
                .analysisFailureRate(0.3)
                .analysisNeverCompletesRate(0.2)
                .build();
        try (var sim = VscanSimulator.start(config)) {
            var http = new SimHttp(sim);
            var ids = new ArrayList<String>();
            for (int i = 0; i < 150; i++) {
                ids.add(http.submit("pub.ext" + i));
            }
            assertEquals(150, sim.stats().analysesStarted());
            // A never-completing analysis creeps 1% per vscan second up to 95, and every other one is
            // over within 45 s; so once each is completed, failed or at 95, all have settled.
            var phases = new java.util.HashMap<String, Integer>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                phases.clear();
                for (String id : ids) {
                    JsonNode status = SimHttp.json(http.status(id));
                    String phase = status.get("status").stringValue();
                    if (!Set.of("completed", "failed").contains(phase) && status.get("progress").intValue() != 95) {
                        return false;
                    }
                    phases.merge(phase, 1, Integer::sum);
                }
                return true;
            });
            int failed = phases.getOrDefault("failed", 0);
            int running = phases.getOrDefault("analyzing", 0);
            // Binomial(150, 0.3): mean 45, sd 5.6; (150, 0.2): mean 30, sd 4.9; 4 sd either side.
            assertTrue(failed >= 22 && failed <= 68, "failed " + failed);
            assertTrue(running >= 10 && running <= 50, "never completing " + running);
        }
    }

    private static List<Integer> failingRequests(long seed, double errorRate) {
        var config = SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).seed(seed).errorRate(errorRate).build();
        try (var sim = VscanSimulator.start(config)) {
            var http = new SimHttp(sim);
            var failing = new ArrayList<Integer>();
            for (int i = 0; i < REQUESTS; i++) {
                int status = http.get("/status/00000000-0000-4000-8000-000000000000").statusCode();
                if (status >= 500) {
                    assertTrue(Set.of(500, 502, 503, 504).contains(status));
                    failing.add(i);
                } else {
                    assertEquals(404, status);
                }
            }
            assertEquals(failing.size(), sim.stats().http5xx());
            assertEquals(failing.size(), sim.stats().faultsInjected());
            return failing;
        }
    }
}
