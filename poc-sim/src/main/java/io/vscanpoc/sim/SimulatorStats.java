package io.vscanpoc.sim;

/**
 * Ground truth: what the simulator received and answered. Jackson writes it with exactly these
 * keys, the same as {@code GET /__sim/stats}: {@code requests}, {@code requestsByEndpoint}
 * {{@code analyze}, {@code status}, {@code results}}, {@code http429}, {@code http5xx},
 * {@code faultsInjected}, {@code maxInFlight}, {@code analysesStarted}.
 *
 * <p>Only API requests count (anything under {@code /api/extensions}, including bad paths); the
 * simulator's own {@code /__sim/} endpoints do not. A response is counted before it is sent, so
 * once a client has its answer the counters include it.
 *
 * @param requests API requests received
 * @param requestsByEndpoint requests per endpoint; a path that names no endpoint counts only in
 *     {@code requests}
 * @param http429 429 responses sent (rate limit, capacity when configured as 429, scripted)
 * @param http5xx responses sent with a 5xx status (faults and over-capacity 503s)
 * @param faultsInjected faults applied, scripted or random
 * @param maxInFlight most API requests in flight at once: a high-water mark since start, the last
 *     {@link VscanSimulator#reset()} or {@link VscanSimulator#resetMaxInFlight()}
 * @param analysesStarted on-demand analyses started (extensions not already analysed on the server)
 */
public record SimulatorStats(
        long requests,
        EndpointCounts requestsByEndpoint,
        long http429,
        long http5xx,
        long faultsInjected,
        long maxInFlight,
        long analysesStarted) {

    /** Nothing counted yet. */
    public static final SimulatorStats ZERO = new SimulatorStats(0, EndpointCounts.ZERO, 0, 0, 0, 0, 0);

    public SimulatorStats {
        if (requestsByEndpoint == null) {
            requestsByEndpoint = EndpointCounts.ZERO;
        }
    }

    /**
     * What happened between {@code earlier} and this snapshot, for per-scenario figures. Counters
     * are subtracted; {@code maxInFlight} is a high-water mark that cannot be subtracted, so this
     * snapshot's value is kept: call {@link VscanSimulator#resetMaxInFlight()} when a scenario
     * starts to make it the scenario's own peak.
     */
    public SimulatorStats minus(SimulatorStats earlier) {
        return new SimulatorStats(
                requests - earlier.requests,
                requestsByEndpoint.minus(earlier.requestsByEndpoint),
                http429 - earlier.http429,
                http5xx - earlier.http5xx,
                faultsInjected - earlier.faultsInjected,
                maxInFlight,
                analysesStarted - earlier.analysesStarted);
    }

    /**
     * Requests per endpoint.
     *
     * @param analyze requests to {@code /analyze}
     * @param status requests to {@code /status/{id}}
     * @param results requests to {@code /results/{id}}
     */
    public record EndpointCounts(long analyze, long status, long results) {

        /** All zero. */
        public static final EndpointCounts ZERO = new EndpointCounts(0, 0, 0);

        /** The count for {@code endpoint}. */
        public long of(Endpoint endpoint) {
            return switch (endpoint) {
                case ANALYZE -> analyze;
                case STATUS -> status;
                case RESULTS -> results;
            };
        }

        /** These counts less {@code earlier}'s. */
        public EndpointCounts minus(EndpointCounts earlier) {
            return new EndpointCounts(analyze - earlier.analyze, status - earlier.status, results - earlier.results);
        }
    }
}
