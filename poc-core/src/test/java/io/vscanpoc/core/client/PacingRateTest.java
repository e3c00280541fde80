package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.time.TimeScale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request rate the server sees, on real time compressed by a time scale, with the scanner's
 * shape: one virtual thread per extension, a semaphore of W permits as the worker cap.
 *
 * <p>With W lanes and delay d, no lane starts two requests less than d apart, so over a span of
 * arrivals no more than {@code W x (span/d + 1)} requests arrive: the rate {@code n / (span + d)}
 * is at most {@code W/d}. The earlier PoC's per-extension pacing would send the first request of
 * each extension at once, about 1.5 W/d with three requests per extension.
 */
class PacingRateTest {

    private static final double TOLERANCE = 1.10;

    @RegisterExtension
    final StubVscanServer stub = StubVscanServer.start();

    private List<ScanResult> scanAll(HttpVscanClient client, int workers, int extensions) throws Exception {
        var permits = new Semaphore(workers);
        var futures = new ArrayList<Future<ScanResult>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < extensions; i++) {
                var id = ExtensionId.parse("publisher" + i + ".extension" + i);
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return client.scan(id);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        var results = new ArrayList<ScanResult>();
        for (var future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** Arrivals per real second, as {@code n / (span + d)}. */
    private double observedRate(Duration d) {
        var arrivals = stub.requests().stream().mapToLong(StubVscanServer.Recorded::arrivalNanos).sorted().toArray();
        long span = arrivals[arrivals.length - 1] - arrivals[0];
        return arrivals.length / ((span + d.toNanos()) / 1e9);
    }

    @Test
    void withDelayDAndWWorkersTheServerSeesAtMostWOverDRequestsPerSecond() throws Exception {
        int workers = 3;
        var scale = new TimeScale(1.0 / 30);
        var config = VscanClientConfig.builder()
                .baseUrl(stub.baseUrl())
                .lanes(workers)
                .pacingDelay(Duration.ofMillis(1500))
                .timeScale(scale)
                .build();
        try (var client = new HttpVscanClient(config)) {
            var results = scanAll(client, workers, 15);
            assertEquals(15, results.size());
            assertEquals(45, client.stats().requests());
        }
        Duration d = scale.toReal(Duration.ofMillis(1500));
        double limit = workers / (d.toNanos() / 1e9);
        double rate = observedRate(d);
        assertTrue(rate <= limit * TOLERANCE, "observed " + rate + "/s, limit W/d = " + limit + "/s");
    }

    @Test
    void theGlobalCapHoldsAcrossAllWorkers() throws Exception {
        int workers = 8;
        var scale = new TimeScale(0.1);
        var config = VscanClientConfig.builder()
                .baseUrl(stub.baseUrl())
                .lanes(workers)
                .pacingDelay(Duration.ZERO)
                .maxRequestsPerSecond(10)
                .timeScale(scale)
                .build();
        try (var client = new HttpVscanClient(config)) {
            scanAll(client, workers, 12);
        }
        Duration interval = scale.toReal(Duration.ofMillis(100));
        double limit = 1e9 / interval.toNanos();
        double rate = observedRate(interval);
        assertTrue(rate <= limit * TOLERANCE, "observed " + rate + "/s, cap " + limit + "/s");
    }
}
