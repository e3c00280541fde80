package io.vscanpoc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vscanpoc.sim.RateLimit;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** real = vscan x factor: the same definition as the client's TimeScale (docs/time-scale.md). */
class SimClockTest {

    @Test
    void vscanTimeRunsFasterByOneOverTheFactor() {
        var real = new AtomicLong(1_000);
        var clock = new SimClock(0.05, real::get, Instant.parse("2026-01-01T00:00:00Z"));
        real.addAndGet(1_000_000_000L);
        assertEquals(20_000_000_000L, clock.now(), "1 real second is 20 vscan seconds");
        assertEquals(75_000_000L, clock.toRealNanos(1_500_000_000L), "a 1.5 s pacing delay is 75 ms");
        assertEquals(Instant.parse("2026-01-01T00:00:20Z"), clock.instant(clock.now()));
    }

    @Test
    void aRateLimitOfRPerVscanSecondAdmitsROverFactorPerRealSecond() {
        double factor = 0.05;
        var real = new AtomicLong();
        var clock = new SimClock(factor, real::get, Instant.EPOCH);
        var bucket = new TokenBucket(new RateLimit(2.5, 1), clock.now());
        int admitted = 0;
        // Ten real seconds, a request every real millisecond.
        for (int ms = 0; ms < 10_000; ms++) {
            real.set(ms * 1_000_000L);
            if (bucket.tryAcquire(clock.now()) == 0) {
                admitted++;
            }
        }
        double expected = 2.5 / factor * 10 + 1;
        assertEquals(expected, admitted, 1.0);
    }
}
