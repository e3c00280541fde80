package io.vscanpoc.core.client;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.time.TimeScale;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Measures, by hand (not part of the test suite), against the loopback stub: the client's own
 * overhead per scan with pacing off, and the request rate the server observes with pacing on, at
 * several worker counts. Prints one line per measurement; see docs/benchmarks.md.
 */
public final class ClientBenchmark {

    private ClientBenchmark() {}

    public static void main(String[] args) throws Exception {
        int scans = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        try (var stub = StubVscanServer.start()) {
            run(stub, 64, scans / 2, Duration.ZERO, TimeScale.REAL, false);
            for (int workers : new int[] {1, 8, 64}) {
                run(stub, workers, scans, Duration.ZERO, TimeScale.REAL, true);
            }
            for (int workers : new int[] {1, 3, 5, 7}) {
                run(stub, workers, 30, Duration.ofMillis(1500), new TimeScale(0.02), true);
            }
            stub.script(Endpoint.RESULTS, StubVscanServer.Reply.stream(200, 50L * 1024 * 1024, false));
            for (String mode : new String[] {"client", "buffering"}) {
                var outcome = LargeBodyProbe.runInSmallHeap(mode, stub.baseUrl());
                System.out.printf("50MB body, -Xmx48m, %s: exit=%d %s%n",
                        mode, outcome.exitCode(), outcome.output().strip().replace('\n', ' '));
            }
        }
    }

    private static void run(StubVscanServer stub, int workers, int scans, Duration pacing, TimeScale scale, boolean print)
            throws Exception {
        var config = VscanClientConfig.builder()
                .baseUrl(stub.baseUrl())
                .lanes(workers)
                .pacingDelay(pacing)
                .timeScale(scale)
                .build();
        int before = stub.requests().size();
        long firstArrivalIndex = before;
        long start = System.nanoTime();
        var client = new HttpVscanClient(config);
        try {
            var permits = new Semaphore(workers);
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < scans; i++) {
                    var id = ExtensionId.parse("bench.ext" + i);
                    executor.submit(() -> {
                        permits.acquire();
                        try {
                            return client.scan(id);
                        } finally {
                            permits.release();
                        }
                    });
                }
            }
            long wall = System.nanoTime() - start;
            if (!print) {
                return;
            }
            var arrivals = stub.requests().subList((int) firstArrivalIndex, stub.requests().size());
            long span = arrivals.getLast().arrivalNanos() - arrivals.getFirst().arrivalNanos();
            long requests = client.stats().requests();
            if (pacing.isZero()) {
                System.out.printf("overhead workers=%d scans=%d requests=%d wall=%.0f ms scans/s=%.0f mean-scan=%.2f ms%n",
                        workers, scans, requests, wall / 1e6, scans / (wall / 1e9), wall / 1e6 * workers / scans);
            } else {
                double d = scale.toReal(pacing).toNanos() / 1e9;
                double rate = requests / ((span / 1e9) + d);
                System.out.printf("pacing workers=%d d=%.0f ms requests=%d observed=%.1f/s limit W/d=%.1f/s ratio=%.3f%n",
                        workers, d * 1000, requests, rate, workers / d, rate / (workers / d));
            }
        } finally {
            client.close();
        }
    }
}
