package io.vscanpoc.sim;

import com.sun.net.httpserver.HttpServer;
import io.vscanpoc.sim.internal.ApiHandler;
import io.vscanpoc.sim.internal.ControlHandler;
import io.vscanpoc.sim.internal.Route;
import io.vscanpoc.sim.internal.ServerState;
import io.vscanpoc.sim.internal.SimClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A vscan.dev simulator served over real HTTP on 127.0.0.1, in the spirit of OkHttp's
 * MockWebServer: start it, point a client at {@link #baseUrl()}, script faults, then read what it
 * received ({@link #recordedRequests()}) and what it answered ({@link #stats()}).
 *
 * <pre>{@code
 * try (var sim = VscanSimulator.start(SimulatorProfile.VSCAN.builder().timeScale(0.05).build())) {
 *     sim.scriptFor(Endpoint.RESULTS, Fault.httpError(503));
 *     runClientAgainst(sim.baseUrl());
 *     assertEquals(clientCounted429s, sim.stats().http429());
 * }
 * }</pre>
 *
 * <p>Requests are served one per virtual thread, and latency is slept on that thread, so thousands
 * of slow requests cost no platform threads. It binds to 127.0.0.1 only. Thread-safe.
 */
public final class VscanSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VscanSimulator.class.getName());
    private static final int BACKLOG = 1024;

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ServerState state;
    private final URI baseUrl;

    private VscanSimulator(SimulatorConfig config, HttpServer server, ExecutorService executor, ServerState state) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + Route.BASE);
    }

    /**
     * Binds 127.0.0.1 on {@code config.port()} (0 for a free port) and starts serving.
     *
     * @throws UncheckedIOException if the port cannot be bound (in use, or not permitted)
     */
    public static VscanSimulator start(SimulatorConfig config) {
        Objects.requireNonNull(config, "config");
        var state = new ServerState(config, new SimClock(config.timeScale()));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback(), config.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new ApiHandler(config, state));
        server.createContext(ControlHandler.PREFIX, new ControlHandler(state));
        server.start();
        var simulator = new VscanSimulator(config, server, executor, state);
        LOG.log(System.Logger.Level.DEBUG, "vscan.dev simulator ({0} profile) at {1}", config.profile(),
                simulator.baseUrl);
        return simulator;
    }

    /** {@code http://127.0.0.1:<port>/api/extensions}, the client's base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code http://127.0.0.1:<port>/__sim/stats}, the ground truth over HTTP. */
    public URI statsUrl() {
        return URI.create("http://127.0.0.1:" + port() + ControlHandler.PREFIX + "stats");
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The configuration it runs with. */
    public SimulatorConfig config() {
        return config;
    }

    /** The ground truth now. At rest it is exact; see {@link SimulatorStats}. */
    public SimulatorStats stats() {
        return state.stats();
    }

    /**
     * Back to the state right after start: forgets every analysis and everything analysed on demand
     * (the server-side cache is cold again), zeroes the counters, drops scripted faults and the
     * request log, refills the rate limiter and restarts the arrival numbering that seeds random
     * draws. Requests in flight finish normally.
     */
    public void reset() {
        state.reset();
    }

    /**
     * Makes {@link SimulatorStats#maxInFlight()} the number in flight now, so the next snapshot's
     * peak covers only what follows (a scenario's own peak).
     */
    public void resetMaxInFlight() {
        state.counters().resetMaxInFlight();
    }

    /** Queues faults for the next API requests, one each, in order. */
    public void script(Fault... faults) {
        state.script().forNext(List.of(faults));
    }

    /** Queues faults for the next requests to {@code endpoint}, one each, in order. */
    public void scriptFor(Endpoint endpoint, Fault... faults) {
        state.script().forEndpoint(Objects.requireNonNull(endpoint, "endpoint"), List.of(faults));
    }

    /**
     * Queues faults for the next requests concerning extension {@code extensionId}
     * ({@code publisher.name}, any case): its submissions, and polls and fetches of its analyses.
     */
    public void scriptFor(String extensionId, Fault... faults) {
        state.script().forExtension(Objects.requireNonNull(extensionId, "extensionId"), List.of(faults));
    }

    /** Scripted faults not used yet. */
    public int pendingFaults() {
        return state.script().pending();
    }

    /**
     * The most recent API requests (up to {@link SimulatorConfig#requestLogCapacity()}), oldest
     * first, as received: before limits and faults.
     */
    public List<RecordedRequest> recordedRequests() {
        return state.journal().snapshot();
    }

    /**
     * Stops serving: closes the listener and every connection, and interrupts requests still
     * sleeping their latency. Idempotent.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "simulator requests still running 5 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4-byte address is always valid", e);
        }
    }
}
