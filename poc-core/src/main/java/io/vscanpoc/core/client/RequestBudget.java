package io.vscanpoc.core.client;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cap on the total number of HTTP requests, retries included, so a PoC run against the real
 * service can never send more than it was allowed to.
 *
 * <p>Every attempt takes one request from the budget just before it is sent; when none is left the
 * scan fails with {@link io.vscanpoc.core.error.BudgetExhaustedException} and nothing is sent. The
 * count is a compare-and-set loop on one counter, so the cap holds exactly however many workers race
 * for the last requests, and nobody ever blocks on it.
 *
 * <p>One budget may be shared by several clients (for example one client per scenario of a run);
 * it is thread-safe.
 */
public final class RequestBudget {

    private static final long UNLIMITED = Long.MAX_VALUE;

    private final long limit;
    private final AtomicLong spent = new AtomicLong();

    private RequestBudget(long limit) {
        this.limit = limit;
    }

    /** A budget that never runs out; it still counts what was spent. */
    public static RequestBudget unlimited() {
        return new RequestBudget(UNLIMITED);
    }

    /**
     * A budget of {@code maxRequests} requests.
     *
     * @throws IllegalArgumentException if {@code maxRequests} is negative
     */
    public static RequestBudget of(long maxRequests) {
        if (maxRequests < 0) {
            throw new IllegalArgumentException("request budget must be 0 or more, got " + maxRequests);
        }
        return new RequestBudget(maxRequests);
    }

    /** Takes one request if any is left; false, with nothing taken, when the budget is spent. */
    public boolean tryAcquire() {
        while (true) {
            long current = spent.get();
            if (current >= limit) {
                return false;
            }
            if (spent.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** True when no request is left. */
    public boolean isExhausted() {
        return spent.get() >= limit;
    }

    /** Requests taken so far. */
    public long spent() {
        return spent.get();
    }

    /** The cap, empty for an unlimited budget. */
    public OptionalLong limit() {
        return limit == UNLIMITED ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** Requests left, empty for an unlimited budget. */
    public OptionalLong remaining() {
        return limit == UNLIMITED ? OptionalLong.empty() : OptionalLong.of(Math.max(0, limit - spent.get()));
    }

    @Override
    public String toString() {
        return limit == UNLIMITED ? "RequestBudget[unlimited]" : "RequestBudget[" + spent() + "/" + limit + "]";
    }
}
