package io.vscanpoc.core.client;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A copy of an {@link HttpVscanClient}'s counters, for the PoC's criteria and the simulator
 * comparison.
 *
 * <p>Each counter is exact. A snapshot taken while scans are running reads the counters one after
 * another, so two of them may disagree by the requests in flight; a snapshot taken after the scans
 * it covers have returned is consistent. {@link #minus(ClientStats)} gives what happened between
 * two snapshots (the CLI reports per-scenario deltas that way).
 *
 * @param requests attempts sent, retries included; every one took a request from the budget
 * @param requestsByEndpoint attempts sent per endpoint; every endpoint is present, zero when none
 * @param retries attempts that repeated an earlier, failed one
 * @param http429 HTTP 429 answers, including those a retry later got past; equals
 *     {@code responses(429)}
 * @param responsesByStatus HTTP answers received, per status, sorted by status; only statuses seen
 * @param timeouts attempts that ran out of time before a whole answer arrived (connect or request)
 * @param networkErrors attempts whose connection failed or was reset before a whole answer arrived
 * @param budgetRefusals attempts not sent because the request budget was spent
 */
public record ClientStats(
        long requests,
        Map<Endpoint, Long> requestsByEndpoint,
        long retries,
        long http429,
        Map<Integer, Long> responsesByStatus,
        long timeouts,
        long networkErrors,
        long budgetRefusals) {

    /** All zero. */
    public static final ClientStats EMPTY = new ClientStats(0, Map.of(), 0, 0, Map.of(), 0, 0, 0);

    public ClientStats {
        var byEndpoint = new EnumMap<Endpoint, Long>(Endpoint.class);
        for (var endpoint : Endpoint.values()) {
            byEndpoint.put(endpoint, Objects.requireNonNull(requestsByEndpoint, "requestsByEndpoint")
                    .getOrDefault(endpoint, 0L));
        }
        requestsByEndpoint = Collections.unmodifiableMap(byEndpoint);
        responsesByStatus = Collections.unmodifiableMap(
                new TreeMap<>(Objects.requireNonNull(responsesByStatus, "responsesByStatus")));
    }

    /** Attempts sent to {@code endpoint}. */
    public long requests(Endpoint endpoint) {
        return requestsByEndpoint.get(endpoint);
    }

    /** Answers received with {@code status}. */
    public long responses(int status) {
        return responsesByStatus.getOrDefault(status, 0L);
    }

    /** Answers received, all statuses. */
    public long responses() {
        return responsesByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Answers with a status from 500 to 599. */
    public long http5xx() {
        return responsesByStatus.entrySet().stream()
                .filter(e -> e.getKey() >= 500 && e.getKey() <= 599)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** What was counted since {@code earlier}, a snapshot of the same client taken before this one. */
    public ClientStats minus(ClientStats earlier) {
        var byEndpoint = new EnumMap<Endpoint, Long>(Endpoint.class);
        for (var endpoint : Endpoint.values()) {
            byEndpoint.put(endpoint, requests(endpoint) - earlier.requests(endpoint));
        }
        var byStatus = new TreeMap<Integer, Long>();
        responsesByStatus.forEach((status, count) -> {
            long delta = count - earlier.responses(status);
            if (delta != 0) {
                byStatus.put(status, delta);
            }
        });
        return new ClientStats(
                requests - earlier.requests,
                byEndpoint,
                retries - earlier.retries,
                http429 - earlier.http429,
                byStatus,
                timeouts - earlier.timeouts,
                networkErrors - earlier.networkErrors,
                budgetRefusals - earlier.budgetRefusals);
    }
}
