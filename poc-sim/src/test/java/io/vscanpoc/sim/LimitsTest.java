package io.vscanpoc.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Rate limit, in-flight cap and concurrency knee, as a plain client sees them. */
class LimitsTest {

    private static SimulatorConfig.Builder base() {
        return SimulatorProfile.IDEAL.builder().latency(Duration.ZERO);
    }

    @Test
    void burstIsAdmittedThenEveryRequestIs429WithRetryAfterInVscanSeconds() {
        // One token per 10 vscan seconds: within the test's fraction of a second nothing refills.
        try (var sim = VscanSimulator.start(base().rateLimit(0.1, 5).build())) {
            var http = new SimHttp(sim);
            String id = http.submit("ms-python.python");
            var codes = new ArrayList<Integer>();
            var retryAfter = new ArrayList<String>();
            for (int i = 0; i < 7; i++) {
                HttpResponse<String> response = http.status(id);
                codes.add(response.statusCode());
                response.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
            }
            assertEquals(List.of(200, 200, 200, 200, 429, 429, 429), codes);
            for (String value : retryAfter) {
                int seconds = Integer.parseInt(value);
                assertTrue(seconds >= 9 && seconds <= 10, "Retry-After " + value);
            }
            assertEquals(3, retryAfter.size());
            assertEquals(3, sim.stats().http429());
            assertEquals(8, sim.stats().requests(), "429s are requests too");
        }
    }

    @Test
    void retryAfterStaysInVscanSecondsUnderATimeScale() {
        // One token per 1000 vscan seconds, which at this scale is one per real second.
        try (var sim = VscanSimulator.start(base().timeScale(0.001).rateLimit(0.001, 1).build())) {
            var http = new SimHttp(sim);
            http.submit("ms-python.python");
            var limited = http.analyze("ms-python", "python");
            assertEquals(429, limited.statusCode());
            int seconds = Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
            // In vscan seconds (about 1000), not real ones (about 1): the client multiplies by the factor.
            assertTrue(seconds >= 900 && seconds <= 1000, "Retry-After " + seconds);
        }
    }

    @Test
    void retryAfterCanBeLeftOut() {
        try (var sim = VscanSimulator.start(base().rateLimit(0.1, 1).retryAfter(RetryAfterStyle.NONE).build())) {
            var http = new SimHttp(sim);
            http.submit("ms-python.python");
            var limited = http.analyze("ms-python", "python");
            assertEquals(429, limited.statusCode());
            assertTrue(limited.headers().firstValue("Retry-After").isEmpty());
        }
    }

    @Test
    void underATimeScaleTheBucketAdmitsRateTimesVscanTimePlusBurst() {
        // 5 per vscan second at scale 0.5 is 10 per real second, far below what one client sends.
        int burst = 3;
        double rate = 5;
        try (var sim = VscanSimulator.start(base().timeScale(0.5).rateLimit(rate, burst).build())) {
            var http = new SimHttp(sim);
            int admitted = 0;
            for (int i = 0; i < 200; i++) {
                if (http.get("/status/00000000-0000-4000-8000-000000000000").statusCode() != 429) {
                    admitted++;
                }
            }
            List<RecordedRequest> requests = sim.recordedRequests();
            double window = requests.getLast().vscanTime().minus(requests.getFirst().vscanTime()).toNanos() / 1e9;
            double expected = burst + rate * window;
            assertTrue(200 > 2 * expected, "the client outpaced the limit: " + expected + " allowed");
            // Never more than the bucket allows. Fewer only when the client pauses long enough for the
            // bucket to fill up and waste refill (a GC, a busy machine), so that side is loose here;
            // TokenBucketTest checks it exactly on a fake clock.
            assertTrue(admitted <= expected + 1, admitted + " admitted, at most " + expected);
            assertTrue(admitted >= burst + rate * window / 2, admitted + " admitted, about " + expected);
            assertEquals(200 - admitted, sim.stats().http429());
        }
    }

    @Test
    void overCapacityIs503ByDefaultAnd429WhenConfigured() {
        for (int status : new int[] {503, 429}) {
            try (var sim = VscanSimulator.start(base()
                    .latency(Endpoint.STATUS, DurationDistribution.fixed(Duration.ofSeconds(1)))
                    .maxInFlight(2)
                    .overCapacityStatus(status)
                    .build())) {
                var http = new SimHttp(sim);
                String id = http.submit("ms-python.python");
                var slow = List.of(CompletableFuture.supplyAsync(() -> http.status(id)),
                        CompletableFuture.supplyAsync(() -> http.status(id)));
                await().atMost(Duration.ofSeconds(5)).until(() -> sim.stats().maxInFlight() == 2);
                for (int i = 0; i < 3; i++) {
                    var refused = http.analyze("ms-python", "python");
                    assertEquals(status, refused.statusCode());
                    assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
                }
                slow.forEach(f -> assertEquals(200, f.join().statusCode()));
                SimulatorStats stats = sim.stats();
                assertEquals(status == 503 ? 3 : 0, stats.http5xx());
                assertEquals(status == 429 ? 3 : 0, stats.http429());
                assertEquals(3, stats.maxInFlight(), "a refused request was in flight too, briefly");
            }
        }
    }

    @Test
    void latencyIsSleptAndGrowsAboveTheConcurrencyKnee() {
        Duration latency = Duration.ofMillis(150);
        try (var sim = VscanSimulator.start(base()
                .latency(Endpoint.STATUS, DurationDistribution.fixed(latency))
                .concurrencyKnee(new ConcurrencyKnee(1, 1.0))
                .build())) {
            var http = new SimHttp(sim);
            String id = http.submit("ms-python.python");
            long t0 = System.nanoTime();
            http.status(id);
            assertTrue(System.nanoTime() - t0 >= latency.toNanos(), "one request takes at least its latency");

            var futures = new ArrayList<CompletableFuture<Long>>();
            for (int i = 0; i < 3; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    long start = System.nanoTime();
                    http.status(id);
                    return System.nanoTime() - start;
                }));
            }
            long slowest = futures.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
            long peak = sim.stats().maxInFlight();
            // The last of `peak` concurrent arrivals waits latency x (1 + (peak - knee)).
            assertTrue(slowest >= latency.toNanos() * peak, "slowest " + slowest + " ns at peak " + peak);
        }
    }
}
