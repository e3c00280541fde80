package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.client.ClientStats;
import io.vscanpoc.core.client.Endpoint;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The client's live counters. Each is an atomic updated once per event, with no lock anywhere, so
 * every count is exact; the per-status counts sit in a preallocated array indexed by status, so even
 * the first answer with a new status takes no lock.
 */
public final class ClientCounters {

    private static final int STATUSES = 1000;

    private final AtomicLongArray requests = new AtomicLongArray(Endpoint.values().length);
    private final AtomicLongArray responses = new AtomicLongArray(STATUSES);
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong networkErrors = new AtomicLong();
    private final AtomicLong budgetRefusals = new AtomicLong();

    /** An attempt to {@code endpoint} is being sent. */
    public void requestSent(Endpoint endpoint) {
        requests.incrementAndGet(endpoint.ordinal());
    }

    /** An answer with {@code status} arrived. */
    public void responseReceived(int status) {
        responses.incrementAndGet(Math.clamp(status, 0, STATUSES - 1));
    }

    /** A failed attempt is being repeated. */
    public void retried() {
        retries.incrementAndGet();
    }

    /** An attempt ran out of time without a whole answer. */
    public void timedOut() {
        timeouts.incrementAndGet();
    }

    /** An attempt's connection failed without a whole answer. */
    public void networkFailed() {
        networkErrors.incrementAndGet();
    }

    /** An attempt was not sent because the budget was spent. */
    public void budgetRefused() {
        budgetRefusals.incrementAndGet();
    }

    /** A copy of the counters. */
    public ClientStats snapshot() {
        var byEndpoint = new EnumMap<Endpoint, Long>(Endpoint.class);
        long total = 0;
        for (var endpoint : Endpoint.values()) {
            long n = requests.get(endpoint.ordinal());
            byEndpoint.put(endpoint, n);
            total += n;
        }
        var byStatus = new HashMap<Integer, Long>();
        for (int status = 0; status < STATUSES; status++) {
            long n = responses.get(status);
            if (n != 0) {
                byStatus.put(status, n);
            }
        }
        return new ClientStats(
                total,
                byEndpoint,
                retries.get(),
                byStatus.getOrDefault(429, 0L),
                byStatus,
                timeouts.get(),
                networkErrors.get(),
                budgetRefusals.get());
    }
}
