package io.vscanpoc.sim.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.Fault;
import io.vscanpoc.sim.FaultRate;
import io.vscanpoc.sim.RecordedRequest;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.internal.AnalysisRegistry.Analysis;
import io.vscanpoc.sim.internal.AnalysisRegistry.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Serves the API, one request per virtual thread. Each request goes through the same steps: count
 * and record it; refuse it if over capacity or over the rate limit (at once, without latency); pick
 * a fault (scripted first, then random); answer it from the server state; wait the latency; write
 * the answer, mangled if the fault says so.
 */
public final class ApiHandler implements HttpHandler {

    /** Content-Type of every JSON answer. */
    public static final String JSON = "application/json; charset=utf-8";

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final int MAX_BODY = 64 * 1024;
    private static final int REPORT_CACHE_LIMIT = 10_000;

    private final SimulatorConfig config;
    private final ServerState state;
    private final ExtensionCatalogue catalogue;
    private final ReportGenerator reports;
    private final ResponseWriter writer;
    private final Map<String, byte[]> renderedReports = new ConcurrentHashMap<>();

    public ApiHandler(SimulatorConfig config, ServerState state) {
        this.config = config;
        this.state = state;
        this.catalogue = new ExtensionCatalogue(config);
        this.reports = new ReportGenerator(config.seed());
        this.writer = new ResponseWriter(state.counters());
    }

    @Override
    public void handle(HttpExchange exchange) {
        long sequence = state.nextSequence();
        long now = state.clock().now();
        Route route = Route.of(exchange.getRequestURI().getRawPath());
        int inFlight = state.counters().arrive(route.endpoint());
        try {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            record(exchange, sequence, now, route, body);
            serve(exchange, sequence, now, route, body, inFlight);
        } catch (IOException e) {
            // The client went away (timeout, reset): nothing to answer.
            LOG.log(System.Logger.Level.DEBUG, "request {0} abandoned: {1}", sequence, e.toString());
        } catch (InterruptedException e) {
            // The simulator is closing.
            Thread.currentThread().interrupt();
        } finally {
            state.counters().leave();
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, long sequence, long now, Route route, byte[] body, int inFlight)
            throws IOException, InterruptedException {
        if (config.maxInFlight() > 0 && inFlight > config.maxInFlight()) {
            writer.send(exchange, limited(config.overCapacityStatus(), 1,
                    "Server is at capacity (" + config.maxInFlight() + " requests in flight)"));
            return;
        }
        TokenBucket bucket = state.bucket();
        if (bucket != null) {
            long wait = bucket.tryAcquire(now);
            if (wait > 0) {
                writer.send(exchange, limited(429, (wait + 999_999_999) / 1_000_000_000,
                        "Rate limit exceeded: " + config.rateLimit().ratePerSecond() + " requests per second, burst "
                                + config.rateLimit().burst()));
                return;
            }
        }
        Analysis analysis = route.uuid() == null ? null : state.registry().find(route.uuid()).orElse(null);
        Submission submission = route.endpoint() == Endpoint.ANALYZE ? Submission.parse(body) : null;
        String extensionKey = null;
        if (analysis != null) {
            extensionKey = analysis.key();
        } else if (submission != null && submission.valid()) {
            extensionKey = ExtensionCatalogue.key(submission.publisher, submission.name);
        }
        Fault fault = state.script().take(route.endpoint(), extensionKey);
        if (fault == null) {
            fault = drawFault(sequence);
        }
        if (fault != null) {
            state.counters().faultInjected();
        }
        long latency = latency(route.endpoint(), sequence, inFlight);
        switch (fault) {
            case Fault.RateLimited limited -> {
                Reply reply = Reply.error(429, "Too Many Requests", "Rate limit exceeded");
                writer.send(exchange, limited.retryAfter() == null ? reply : reply.withHeader("Retry-After",
                        limited.retryAfter()));
            }
            case Fault.HttpError error -> {
                state.clock().sleep(latency);
                writer.send(exchange, Reply.error(error.status(), reason(error.status()), "Simulated server error"));
            }
            case Fault.Disconnect disconnect when disconnect.stage() == Fault.Disconnect.Stage.BEFORE_RESPONSE ->
                    state.clock().sleep(latency);
            case Fault.OversizeBody oversize -> {
                state.clock().sleep(latency);
                writer.sendOversize(exchange, oversize.bytes());
            }
            case null, default -> {
                Reply reply = answer(exchange.getRequestMethod(), route, submission, analysis, now, outcome(fault));
                long extra = fault instanceof Fault.Delay delay ? delay.delay().toNanos() : 0;
                state.clock().sleep(latency + extra);
                switch (fault) {
                    case Fault.MalformedBody malformed -> writer.send(exchange, malformed(reply, malformed.kind()));
                    case Fault.Disconnect ignored -> writer.sendHalf(exchange, reply);
                    case null, default -> writer.send(exchange, reply);
                }
            }
        }
    }

    private Reply answer(String method, Route route, Submission submission, Analysis analysis, long now,
            Outcome forced) {
        if (route.endpoint() == null || !route.exact()) {
            return Reply.error(404, "Not Found", "No such endpoint");
        }
        return switch (route.endpoint()) {
            case ANALYZE -> analyze(method, submission, now, forced);
            case STATUS, RESULTS -> {
                if (!method.equals("GET")) {
                    yield Reply.error(405, "Method Not Allowed", "Use GET").withHeader("Allow", "GET");
                }
                if (analysis == null) {
                    yield Reply.error(404, "Not Found", "No analysis with ID " + route.analysisId());
                }
                Analysis current = forced == null ? analysis : state.registry().force(analysis, forced, now);
                AnalysisRegistry.Status status = state.registry().status(current, now);
                if (route.endpoint() == Endpoint.STATUS) {
                    Instant updatedAt = state.clock().instant(status.updatedAt());
                    yield Reply.json(200, Documents.status(current.id(), status, updatedAt, current.cached()));
                }
                if (status.phase() != AnalysisRegistry.Phase.COMPLETED) {
                    yield Reply.error(409, "Conflict", "Analysis is " + status.phase().name().toLowerCase(Locale.ROOT)
                            + "; results are available once it has completed");
                }
                yield Reply.json(200, report(current));
            }
        };
    }

    private Reply analyze(String method, Submission submission, long now, Outcome forced) {
        if (!method.equals("POST")) {
            return Reply.error(405, "Method Not Allowed", "Use POST").withHeader("Allow", "POST");
        }
        if (!submission.valid()) {
            return submission.tooLarge
                    ? Reply.error(413, "Payload Too Large", submission.problem)
                    : Reply.error(400, "Bad Request", submission.problem);
        }
        if (catalogue.isUnknown(submission.publisher, submission.name)) {
            return Reply.error(404, "Not Found",
                    "Extension " + submission.publisher + "." + submission.name + " was not found in the marketplace");
        }
        AnalysisRegistry.Submission submitted = state.registry().submit(submission.publisher, submission.name, now,
                forced);
        if (submitted.startedAnalysis()) {
            state.counters().analysisStarted();
        }
        return Reply.json(202, Documents.submitted(submitted.analysis().id(), !submitted.startedAnalysis()));
    }

    private byte[] report(Analysis analysis) {
        Instant timestamp = analysis.preAnalysed()
                ? reports.preAnalysedTimestamp(analysis.key())
                : state.clock().instant(analysis.dueAt());
        String cacheKey = analysis.publisher() + "." + analysis.name() + "@" + timestamp;
        if (renderedReports.size() > REPORT_CACHE_LIMIT) {
            renderedReports.clear();
        }
        return renderedReports.computeIfAbsent(cacheKey,
                k -> reports.render(analysis.publisher(), analysis.name(), timestamp));
    }

    private Reply limited(int status, long retryAfterSeconds, String message) {
        Reply reply = Reply.error(status, status == 429 ? "Too Many Requests" : "Service Unavailable", message);
        return switch (config.retryAfter()) {
            case SECONDS -> reply.withHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
            case NONE -> reply;
        };
    }

    private static Reply malformed(Reply reply, Fault.MalformedBody.Kind kind) {
        return switch (kind) {
            case TRUNCATED_JSON -> reply.withBody(MalformedBodies.truncated(reply.body()), reply.contentType());
            case WRONG_TYPES -> reply.withBody(MalformedBodies.wrongTypes(reply.body()), reply.contentType());
            case HTML_PAGE -> new Reply(200, Documents.htmlPage(), "text/html; charset=utf-8", null, null);
        };
    }

    private static Outcome outcome(Fault fault) {
        return switch (fault) {
            case Fault.AnalysisFails ignored -> Outcome.FAILS;
            case Fault.AnalysisNeverCompletes ignored -> Outcome.NEVER_COMPLETES;
            case null, default -> null;
        };
    }

    private Fault drawFault(long sequence) {
        List<FaultRate> rates = config.faultRates();
        if (rates.isEmpty()) {
            return null;
        }
        double u = SeededDraws.unit(config.seed(), SeededDraws.FAULT, sequence);
        double cumulative = 0;
        for (FaultRate rate : rates) {
            cumulative += rate.probability();
            if (u < cumulative) {
                return rate.fault();
            }
        }
        return null;
    }

    private long latency(Endpoint endpoint, long sequence, int inFlight) {
        if (endpoint == null) {
            return 0;
        }
        long nanos = DistributionSampler.sampleNanos(
                config.latency().get(endpoint),
                SeededDraws.unit(config.seed(), SeededDraws.LATENCY_U, sequence),
                SeededDraws.unit(config.seed(), SeededDraws.LATENCY_V, sequence));
        if (config.concurrencyKnee() != null) {
            nanos = Math.round(nanos * config.concurrencyKnee().factor(inFlight));
        }
        return nanos;
    }

    private void record(HttpExchange exchange, long sequence, long now, Route route, byte[] body) {
        if (!state.journal().enabled()) {
            return;
        }
        var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        state.journal().record(new RecordedRequest(
                sequence,
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                route.endpoint(),
                Collections.unmodifiableMap(headers),
                new String(body, 0, Math.min(body.length, MAX_BODY), StandardCharsets.UTF_8),
                Instant.now(),
                Duration.ofNanos(now)));
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    /** A parsed {@code analyze} body, or why it is not one. */
    private record Submission(String publisher, String name, String problem, boolean tooLarge) {

        boolean valid() {
            return problem == null;
        }

        static Submission parse(byte[] body) {
            if (body.length > MAX_BODY) {
                return new Submission(null, null, "Request body over " + MAX_BODY + " bytes", true);
            }
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(body);
            } catch (JacksonException e) {
                return new Submission(null, null, "Request body is not valid JSON", false);
            }
            if (root == null || !root.isObject()) {
                return new Submission(null, null, "Request body must be a JSON object with publisher and name", false);
            }
            JsonNode publisher = root.get("publisher");
            JsonNode name = root.get("name");
            if (publisher == null || !publisher.isString() || publisher.stringValue().isBlank()
                    || name == null || !name.isString() || name.stringValue().isBlank()) {
                return new Submission(null, null, "publisher and name must be non-empty strings", false);
            }
            return new Submission(publisher.stringValue(), name.stringValue(), null, false);
        }
    }
}
