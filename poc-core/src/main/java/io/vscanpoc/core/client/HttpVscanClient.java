package io.vscanpoc.core.client;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.VscanClient;
import io.vscanpoc.core.client.internal.AnalysisWorkflow;
import io.vscanpoc.core.client.internal.ClientCounters;
import io.vscanpoc.core.client.internal.HttpTransport;
import io.vscanpoc.core.client.internal.Pacer;
import io.vscanpoc.core.client.internal.RequestSender;
import io.vscanpoc.core.client.internal.TokenBucket;
import io.vscanpoc.core.client.internal.WorkflowRequests;
import io.vscanpoc.core.error.VscanException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The vscan.dev client: submits an extension, polls until its analysis ends, fetches the report.
 *
 * <p>Every failure is a {@link VscanException} of the type that names its cause (see
 * docs/client.md for the table); retries follow the {@link RetryPolicy}; every request waits for
 * its worker's pacing lane and the optional global rate cap, and takes one request from the
 * {@link RequestBudget}. Everything sent and received is counted, see {@link #stats()}.
 *
 * <p>Thread-safe, and meant to be shared by all workers of a run: one instance owns one
 * {@link HttpClient} (and so one connection pool) and the pacing lanes. A scan holds one lane from
 * its first request to its last, so at most {@link VscanClientConfig#lanes()} scans run at once;
 * configure as many lanes as the scanner has workers. Close it when done.
 */
public final class HttpVscanClient implements VscanClient, AutoCloseable {

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final VscanClientConfig config;
    private final HttpClient http;
    private final Pacer pacer;
    private final ClientCounters counters = new ClientCounters();
    private final RequestSender sender;
    private final AnalysisWorkflow workflow;

    /** A client with {@code config}; opens no connection until the first scan. */
    public HttpVscanClient(VscanClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        boolean https = config.baseUrl().getScheme().equals("https");
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.realConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // h2c upgrade headers on plain http only confuse the loopback simulator.
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .build();
        TokenBucket bucket = config.maxRequestsPerSecond().isPresent()
                ? new TokenBucket(
                        config.timeScale().toReal(Duration.ofNanos(
                                Math.round(1e9 / config.maxRequestsPerSecond().getAsDouble()))),
                        config.rateBurst(),
                        config.clock(),
                        config.sleeper())
                : null;
        this.pacer = new Pacer(
                config.lanes(),
                config.timeScale().toReal(config.pacingDelay()),
                bucket,
                config.clock(),
                config.sleeper());
        this.sender = new RequestSender(
                new HttpTransport(http, config.maxBodyBytes(), config.realRequestTimeout()),
                pacer,
                config.requestBudget(),
                config.retryPolicy(),
                config.timeScale(),
                config.sleeper(),
                config.clock(),
                counters);
        this.workflow = new AnalysisWorkflow(
                sender,
                new WorkflowRequests(config.baseUrl(), config.userAgent(), config.realRequestTimeout()),
                config);
    }

    /**
     * Scans {@code id}: submit, poll, fetch. Waits for a free pacing lane first when every lane is
     * busy. Fails with {@link io.vscanpoc.core.error.BudgetExhaustedException} without sending
     * anything when the budget is already spent.
     */
    @Override
    public ScanResult scan(ExtensionId id) throws VscanException, InterruptedException {
        Objects.requireNonNull(id, "id");
        sender.checkBudget(Endpoint.ANALYZE, id);
        Pacer.Lane lane = pacer.acquire();
        try {
            return workflow.run(id, lane);
        } finally {
            pacer.release(lane);
        }
    }

    /** A copy of the counters: requests, answers by status, retries, 429s, refusals. */
    public ClientStats stats() {
        return counters.snapshot();
    }

    /** The configuration this client was made with. */
    public VscanClientConfig config() {
        return config;
    }

    /**
     * Shuts the HTTP client down: waits up to 5 s for exchanges still running, then aborts them.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        http.shutdown();
        try {
            if (!http.awaitTermination(CLOSE_GRACE)) {
                http.shutdownNow();
            }
        } catch (InterruptedException e) {
            http.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
