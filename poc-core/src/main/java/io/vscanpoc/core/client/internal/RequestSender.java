package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.Endpoint;
import io.vscanpoc.core.client.RequestBudget;
import io.vscanpoc.core.client.RetryPolicy;
import io.vscanpoc.core.error.BudgetExhaustedException;
import io.vscanpoc.core.error.NetworkException;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.error.VscanException;
import io.vscanpoc.core.time.Sleeper;
import io.vscanpoc.core.time.TimeScale;
import java.lang.System.Logger.Level;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Sends one logical request until it gets a 2xx answer or fails for good: each attempt waits for
 * its lane's turn, takes a request from the budget, is counted, is sent, and a failure is
 * classified and retried as the policy says, after the policy's wait (time-scaled).
 *
 * <p>Counting happens here and only here, once per event, so the client's counters and each scan's
 * tally agree with what was on the wire: every attempt, every answer by status (a 429 is counted
 * when it arrives, whether a retry later gets past it or not), every retry, every refusal.
 */
public final class RequestSender {

    private static final System.Logger LOG = System.getLogger(RequestSender.class.getName());

    private final HttpTransport transport;
    private final Pacer pacer;
    private final RequestBudget budget;
    private final RetryPolicy policy;
    private final TimeScale scale;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final ClientCounters counters;

    public RequestSender(
            HttpTransport transport,
            Pacer pacer,
            RequestBudget budget,
            RetryPolicy policy,
            TimeScale scale,
            Sleeper sleeper,
            InstantSource clock,
            ClientCounters counters) {
        this.transport = transport;
        this.pacer = pacer;
        this.budget = budget;
        this.policy = policy;
        this.scale = scale;
        this.sleeper = sleeper;
        this.clock = clock;
        this.counters = counters;
    }

    /** Fails at once, without waiting for pacing, when the budget is already spent. */
    public void checkBudget(Endpoint endpoint, ExtensionId id) throws BudgetExhaustedException {
        if (budget.isExhausted()) {
            throw refuse(endpoint, id);
        }
    }

    /** The 2xx answer to {@code request}, sent on {@code lane}. */
    public HttpTransport.Response send(
            Pacer.Lane lane, Endpoint endpoint, HttpRequest request, ExtensionId id, ScanTally tally)
            throws VscanException, InterruptedException {
        int retries = 0;
        while (true) {
            checkBudget(endpoint, id);
            pacer.awaitTurn(lane);
            if (!budget.tryAcquire()) {
                throw refuse(endpoint, id);
            }
            counters.requestSent(endpoint);
            tally.attempted(endpoint);
            if (retries > 0) {
                // Counted when the repeat is sent, so an interrupted or refused retry is not a retry.
                counters.retried();
                tally.retried();
            }
            VscanException failure;
            try {
                HttpTransport.Response response = transport.send(request, endpoint, id);
                counters.responseReceived(response.status());
                if (ResponseClassifier.isSuccess(response.status())) {
                    return response;
                }
                failure = ResponseClassifier.classify(
                        response.status(), response.headers(), endpoint, id, clock.instant(), scale);
            } catch (VscanException e) {
                count(e);
                failure = e;
            }
            if (failure instanceof RateLimitedException) {
                tally.rateLimited();
            }
            if (!policy.shouldRetry(failure, retries)) {
                if (failure instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
                    // Out of retries, but the other lanes still owe the server its pause (capped).
                    pacer.holdAll(scale.toReal(policy.delayBefore(retries + 1, failure)));
                }
                throw failure;
            }
            retries++;
            Duration wait = policy.delayBefore(retries, failure);
            if (failure instanceof RateLimitedException) {
                pacer.holdAll(scale.toReal(wait));
            }
            int attempt = retries;
            String reason = failure.getMessage();
            LOG.log(Level.DEBUG, () -> "retry " + attempt + "/" + policy.maxRetries() + " after " + wait + ": " + reason);
            sleeper.sleep(scale.toReal(wait));
        }
    }

    private void count(VscanException transportFailure) {
        switch (transportFailure) {
            case ScanTimeoutException e -> counters.timedOut();
            case NetworkException e -> counters.networkFailed();
            default -> transportFailure.httpStatus().ifPresent(counters::responseReceived);
        }
    }

    private BudgetExhaustedException refuse(Endpoint endpoint, ExtensionId id) {
        counters.budgetRefused();
        return new BudgetExhaustedException("request budget of " + budget.limit().orElse(0)
                + " requests is spent; not sending " + endpoint + " for " + id);
    }
}
