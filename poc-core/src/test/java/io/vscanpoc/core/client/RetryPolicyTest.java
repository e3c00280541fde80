package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.error.AnalysisFailedException;
import io.vscanpoc.core.error.BudgetExhaustedException;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.error.ClientErrorException;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.NetworkException;
import io.vscanpoc.core.error.NotFoundException;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.error.ServerErrorException;
import io.vscanpoc.core.error.VscanException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void retriesExactlyTheTransientFailures() {
        var policy = RetryPolicy.defaults();
        List<VscanException> retried = List.of(
                new RateLimitedException("429", null),
                new ServerErrorException("502", 502),
                new ServerErrorException("503", 503),
                new ServerErrorException("504", 504),
                new ScanTimeoutException("t", ScanTimeoutException.Phase.REQUEST, null),
                new NetworkException("reset", null));
        List<VscanException> never = List.of(
                new ClientErrorException("400", 400),
                new ClientErrorException("401", 401),
                new ClientErrorException("403", 403),
                new NotFoundException("404"),
                new ServerErrorException("500", 500),
                new ScanTimeoutException("t", ScanTimeoutException.Phase.ANALYSIS, null),
                new MalformedResponseException("m"),
                new AnalysisFailedException("f"),
                new CacheException("c", null),
                new BudgetExhaustedException("b"));
        for (var e : retried) {
            assertTrue(policy.shouldRetry(e, 0), e.getMessage());
            assertTrue(policy.shouldRetry(e, 2), e.getMessage());
            assertFalse(policy.shouldRetry(e, 3), "only 3 retries: " + e.getMessage());
        }
        for (var e : never) {
            assertFalse(policy.shouldRetry(e, 0), e.getMessage());
        }
        assertFalse(RetryPolicy.none().shouldRetry(new NetworkException("reset", null), 0));
    }

    @Test
    void jitterStaysWithinTwentyPercentOver1000DrawsAndActuallyVaries() {
        var policy = RetryPolicy.builder().seed(42).build();
        for (int retry = 1; retry <= 3; retry++) {
            long nominal = Duration.ofSeconds(2).toNanos() << (retry - 1);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            double sum = 0;
            for (int i = 0; i < 1000; i++) {
                long nanos = policy.backoff(retry).toNanos();
                assertTrue(nanos >= nominal * 0.8 && nanos <= nominal * 1.2, "retry " + retry + ": " + nanos);
                min = Math.min(min, nanos);
                max = Math.max(max, nanos);
                sum += nanos;
            }
            assertTrue(min < nominal * 0.82, "the low end is reached: " + min);
            assertTrue(max > nominal * 1.18, "the high end is reached: " + max);
            assertEquals(nominal, sum / 1000, nominal * 0.03, "centred on the nominal backoff");
        }
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        var a = RetryPolicy.builder().seed(7).build();
        var b = RetryPolicy.builder().seed(7).build();
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i -> first.add(a.backoff(1 + i % 4)));
        IntStream.rangeClosed(1, 20).forEach(i -> second.add(b.backoff(1 + i % 4)));
        assertEquals(first, second);
    }

    @Test
    void backoffDoublesAndIsCappedAtThirtySeconds() {
        var policy = RetryPolicy.builder().jitter(0).build();
        assertEquals(Duration.ofSeconds(2), policy.backoff(1));
        assertEquals(Duration.ofSeconds(4), policy.backoff(2));
        assertEquals(Duration.ofSeconds(16), policy.backoff(4));
        assertEquals(Duration.ofSeconds(30), policy.backoff(5));
        assertEquals(Duration.ofSeconds(30), policy.backoff(1000));
        var jittered = RetryPolicy.builder().seed(3).build();
        for (int i = 0; i < 1000; i++) {
            assertTrue(jittered.backoff(5).compareTo(Duration.ofSeconds(30)) <= 0);
        }
    }

    @Test
    void retryAfterWinsOverTheBackoffAndIsCapped() {
        var policy = RetryPolicy.builder().seed(1).build();
        assertEquals(Duration.ofSeconds(7), policy.delayBefore(3, new RateLimitedException("429", Duration.ofSeconds(7))));
        assertEquals(Duration.ZERO, policy.delayBefore(1, new RateLimitedException("429", Duration.ZERO)));
        assertEquals(Duration.ofSeconds(30), policy.delayBefore(1, new RateLimitedException("429", Duration.ofHours(1))));
        var withoutHeader = policy.delayBefore(1, new RateLimitedException("429", null));
        assertTrue(withoutHeader.compareTo(Duration.ofMillis(1600)) >= 0 && withoutHeader.compareTo(Duration.ofMillis(2400)) <= 0);
    }
}
