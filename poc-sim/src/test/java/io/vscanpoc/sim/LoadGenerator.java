package io.vscanpoc.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The simulator's throughput benchmark (docs/benchmarks.md): an in-process simulator with zero
 * latency and no limits, driven by {@code clients} virtual threads sharing one keep-alive
 * HttpClient, each repeating the full workflow (analyze, status, results) over 30 extension IDs.
 * Prints requests per second as counted by the simulator itself.
 *
 * <p>Usage: {@code LoadGenerator [seconds=10] [clients=64] [warmupSeconds=3]}.
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SimulatorConfig config = SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).build();
        try (var sim = VscanSimulator.start(config)) {
            HttpClient client = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            run(client, sim.baseUrl(), clients, warmup);
            SimulatorStats before = sim.stats();
            long start = System.nanoTime();
            LongAdder failures = run(client, sim.baseUrl(), clients, seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            SimulatorStats delta = sim.stats().minus(before);
            System.out.printf("clients=%d seconds=%.1f requests=%d (analyze %d, status %d, results %d) "
                            + "rate=%.0f requests/s failures=%d maxInFlight=%d cores=%d%n",
                    clients, elapsed, delta.requests(), delta.requestsByEndpoint().analyze(),
                    delta.requestsByEndpoint().status(), delta.requestsByEndpoint().results(),
                    delta.requests() / elapsed, failures.sum(), delta.maxInFlight(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static LongAdder run(HttpClient client, URI base, int clients, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        var failures = new LongAdder();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int worker = c;
                workers.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        String ext = "{\"publisher\":\"load\",\"name\":\"ext" + ((worker * 31 + n++) % 30) + "\"}";
                        try {
                            var submitted = client.send(HttpRequest.newBuilder(URI.create(base + "/analyze"))
                                    .POST(HttpRequest.BodyPublishers.ofString(ext)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            String body = submitted.body();
                            int at = body.indexOf("\"analysisId\":\"") + 14;
                            String id = body.substring(at, at + 36);
                            client.send(HttpRequest.newBuilder(URI.create(base + "/status/" + id)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            var results = client.send(HttpRequest.newBuilder(URI.create(base + "/results/" + id)).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (results.statusCode() != 200) {
                                failures.increment();
                            }
                        } catch (Exception e) {
                            failures.increment();
                        }
                    }
                    return null;
                });
            }
        }
        return failures;
    }
}
