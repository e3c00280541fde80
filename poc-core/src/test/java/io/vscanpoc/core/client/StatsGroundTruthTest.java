package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The client's counters against the server's own: with 429s and 503s mixed in under concurrency,
 * requests, statuses and 429s agree exactly, and so do the per-scan timings.
 */
class StatsGroundTruthTest {

    @Test
    void theClientCountsExactlyWhatTheServerSawAndSent() throws Exception {
        try (var stub = StubVscanServer.start()) {
            var all = new AtomicInteger();
            StubVscanServer.Responder flaky = (request, n) -> {
                int k = all.getAndIncrement();
                return k % 4 == 3 ? Reply.withHeader(429, "Retry-After", "1") : k % 7 == 6 ? Reply.status(503) : null;
            };
            stub.on(Endpoint.ANALYZE, (request, n) -> {
                var failure = flaky.reply(request, n);
                return failure != null ? failure : Reply.json(202, "{\"analysisId\":\"id-" + n + "\"}");
            });
            stub.on(Endpoint.STATUS, (request, n) -> {
                var failure = flaky.reply(request, n);
                return failure != null ? failure : Reply.analysisStatus(n % 3 == 0 ? "analyzing" : "completed");
            });
            stub.on(Endpoint.RESULTS, (request, n) -> {
                var failure = flaky.reply(request, n);
                return failure != null ? failure : Reply.json(200, StubVscanServer.results("1"));
            });
            var time = new ManualTime();
            var config = stub.config(time).lanes(8).retryPolicy(RetryPolicy.builder().maxRetries(20).seed(5).build()).build();
            try (var client = new HttpVscanClient(config)) {
                var before = client.stats();
                var futures = new ArrayList<Future<ScanResult>>();
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < 40; i++) {
                        var id = ExtensionId.parse("truth.ext" + i);
                        futures.add(executor.submit(() -> client.scan(id)));
                    }
                }
                List<ScanResult> results = new ArrayList<>();
                for (var future : futures) {
                    results.add(future.get());
                }
                var stats = client.stats().minus(before);

                assertEquals(stub.requests().size(), stats.requests());
                assertEquals(stub.sent(429), stats.http429());
                assertTrue(stats.http429() > 10, "the scenario did produce 429s: " + stats.http429());
                for (int status : List.of(200, 202, 429, 503)) {
                    assertEquals(stub.sent(status), stats.responses(status), "status " + status);
                }
                for (var endpoint : Endpoint.values()) {
                    assertEquals(stub.count(endpoint), stats.requests(endpoint), endpoint.toString());
                }
                assertEquals(stats.requests(), results.stream().mapToLong(r -> r.timings().attempts()).sum());
                assertEquals(stats.retries(), results.stream().mapToLong(r -> r.timings().retries()).sum());
                assertEquals(stats.http429(), results.stream().mapToLong(r -> r.timings().http429()).sum());
                assertEquals(stats.requests(Endpoint.STATUS), results.stream().mapToLong(r -> r.timings().polls()).sum());
            }
        }
    }
}
