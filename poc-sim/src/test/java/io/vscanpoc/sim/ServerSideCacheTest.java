package io.vscanpoc.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The server-side analysis cache: pre-analysed extensions complete on the first poll; the others
 * stay pending until their analysis time has passed, then stay analysed until a reset.
 */
class ServerSideCacheTest {

    /** 30 vscan seconds of analysis become 600 ms of real time. */
    private static final double SCALE = 0.02;
    private static final Duration ANALYSIS = Duration.ofSeconds(30);
    private static final String FRESH = "someone.rarely-used";
    private static final String POPULAR = "ms-python.python";

    private static VscanSimulator start() {
        return VscanSimulator.start(SimulatorProfile.IDEAL.builder()
                .latency(Duration.ZERO)
                .timeScale(SCALE)
                .preAnalysedFraction(1.0)
                .onDemandIds(Set.of(FRESH))
                .analysisTime(DurationDistribution.fixed(ANALYSIS))
                .build());
    }

    @Test
    void preAnalysedCompletesOnTheFirstPoll() {
        try (var sim = start()) {
            var http = new SimHttp(sim);
            JsonNode status = SimHttp.json(http.status(http.submit(POPULAR)));
            assertEquals("completed", status.get("status").stringValue());
            assertEquals(0, sim.stats().analysesStarted());
        }
    }

    @Test
    void freshExtensionIsPendingUntilItsAnalysisTimeThenCompleted() {
        try (var sim = start()) {
            var http = new SimHttp(sim);
            long before = System.nanoTime();
            String id = http.submit(FRESH);
            JsonNode first = SimHttp.json(http.status(id));
            assertEquals("pending", first.get("status").stringValue());
            assertEquals(0, first.get("progress").intValue());
            assertEquals(409, http.results(id).statusCode(), "no results before completion");

            var progress = new ArrayList<Integer>();
            var seen = new ArrayList<String>();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                JsonNode status = SimHttp.json(http.status(id));
                progress.add(status.get("progress").intValue());
                seen.add(status.get("status").stringValue());
                return status.get("status").stringValue().equals("completed");
            });
            long elapsed = System.nanoTime() - before;
            assertTrue(elapsed >= Math.round(ANALYSIS.toNanos() * SCALE), "completed after " + elapsed + " ns");
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never decreases: " + progress);
            }
            assertEquals(100, progress.getLast());
            assertTrue(seen.contains("analyzing"), "reports analyzing on the way: " + seen);
            assertEquals(200, http.results(id).statusCode());
            assertEquals(1, sim.stats().analysesStarted());
        }
    }

    @Test
    void onceAnalysedItStaysAnalysedSoASecondPassIsFast() {
        try (var sim = start()) {
            var http = new SimHttp(sim);
            String id = http.submit(FRESH);
            await().atMost(Duration.ofSeconds(10)).until(() -> completed(http, id));
            String again = http.submit(FRESH);
            assertNotEquals(id, again);
            assertTrue(completed(http, again), "the server remembers the analysis");
            assertEquals(1, sim.stats().analysesStarted());
            assertEquals(SimHttp.json(http.status(id)).get("updatedAt"), SimHttp.json(http.status(again)).get("updatedAt"));
        }
    }

    @Test
    void concurrentSubmissionsShareOneAnalysis() {
        try (var sim = start()) {
            var http = new SimHttp(sim);
            List<CompletableFuture<String>> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(CompletableFuture.supplyAsync(() -> http.submit(FRESH)));
            }
            List<String> all = ids.stream().map(CompletableFuture::join).toList();
            assertEquals(4, Set.copyOf(all).size(), "every submission gets its own ID");
            assertEquals(1, sim.stats().analysesStarted());
            await().atMost(Duration.ofSeconds(10)).until(() -> all.stream().allMatch(id -> completed(http, id)));
        }
    }

    @Test
    void resetMakesTheServerCacheColdAgain() {
        try (var sim = start()) {
            var http = new SimHttp(sim);
            String id = http.submit(FRESH);
            await().atMost(Duration.ofSeconds(10)).until(() -> completed(http, id));
            sim.reset();
            assertEquals(404, http.status(id).statusCode(), "analysis IDs are forgotten");
            String fresh = http.submit(FRESH);
            assertEquals("pending", SimHttp.json(http.status(fresh)).get("status").stringValue());
            assertEquals(1, sim.stats().analysesStarted(), "counted again from zero");
            assertTrue(completed(http, http.submit(POPULAR)), "pre-analysed extensions stay pre-analysed");
        }
    }

    @Test
    void preAnalysedFractionPicksAStableShareOfIds() {
        var config = SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).preAnalysedFraction(0.7)
                .timeScale(SCALE).build();
        List<Boolean> first = preAnalysed(config, 200);
        List<Boolean> second = preAnalysed(config, 200);
        assertEquals(first, second, "the same seed picks the same extensions");
        long count = first.stream().filter(b -> b).count();
        // Binomial(200, 0.7): sd 6.5; 4 sd either side.
        assertTrue(count >= 114 && count <= 166, "pre-analysed " + count + " of 200");
    }

    private static List<Boolean> preAnalysed(SimulatorConfig config, int n) {
        try (var sim = VscanSimulator.start(config)) {
            var http = new SimHttp(sim);
            var out = new ArrayList<Boolean>();
            for (int i = 0; i < n; i++) {
                out.add(completed(http, http.submit("pub.ext" + i)));
            }
            assertEquals(out.stream().filter(b -> !b).count(), sim.stats().analysesStarted());
            return out;
        }
    }

    private static boolean completed(SimHttp http, String id) {
        return SimHttp.json(http.status(id)).get("status").stringValue().equals("completed");
    }
}
