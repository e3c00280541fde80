package io.vscanpoc.core.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vscanpoc.core.client.internal.Pacer;
import io.vscanpoc.core.client.internal.TokenBucket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pacing on a manual clock: exact waits, no real time. */
class PacerTest {

    private final ManualTime time = new ManualTime();
    private static final Duration D = Duration.ofMillis(1500);

    @Test
    void theDelayHoldsAcrossExtensionsAndThreadsBecauseItBelongsToTheLaneNotTheThread() throws Exception {
        var pacer = new Pacer(1, D, null, time, time);
        var lane = pacer.acquire();
        pacer.awaitTurn(lane);
        pacer.release(lane);

        // The next extension runs on a new virtual thread, as the scanner does it.
        var failure = new AtomicReference<Throwable>();
        Thread.ofVirtual().start(() -> {
            try {
                var next = pacer.acquire();
                pacer.awaitTurn(next);
                pacer.release(next);
            } catch (Throwable t) {
                failure.set(t);
            }
        }).join();

        assertEquals(null, failure.get());
        assertEquals(List.of(D), time.sleeps(), "the second extension waited the first one's delay out");
    }

    @Test
    void aHoldAfterA429StopsEveryLaneNotOnlyTheOneThatWasTold() throws Exception {
        var pacer = new Pacer(3, Duration.ZERO, null, time, time);
        var told = pacer.acquire();
        var other = pacer.acquire();
        pacer.awaitTurn(told);
        pacer.holdAll(Duration.ofSeconds(2));
        pacer.holdAll(Duration.ofMillis(500)); // a shorter hold never shortens the one in force
        pacer.awaitTurn(other);
        assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps(), "the other lane waited the whole hold");
        pacer.awaitTurn(told);
        assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps(), "once it has passed nobody waits again");
    }

    @Test
    void onlyTheRemainderOfTheDelayIsWaited() throws Exception {
        var pacer = new Pacer(1, D, null, time, time);
        var lane = pacer.acquire();
        pacer.awaitTurn(lane);
        time.sleep(Duration.ofMillis(1000));
        pacer.awaitTurn(lane);
        assertEquals(List.of(Duration.ofMillis(1000), Duration.ofMillis(500)), time.sleeps());
    }

    @Test
    void lanesArePacedIndependently() throws Exception {
        var pacer = new Pacer(3, D, null, time, time);
        var a = pacer.acquire();
        var b = pacer.acquire();
        var c = pacer.acquire();
        pacer.awaitTurn(a);
        pacer.awaitTurn(b);
        pacer.awaitTurn(c);
        assertEquals(List.of(), time.sleeps());
        pacer.awaitTurn(a);
        assertEquals(List.of(D), time.sleeps());
        pacer.awaitTurn(b);
        pacer.awaitTurn(c);
        assertEquals(List.of(D), time.sleeps(), "b and c had already waited while a slept");
    }

    @Test
    void aFreedLaneIsReusedFirstSoFewerScansThanLanesUseFewerLanes() throws Exception {
        var pacer = new Pacer(7, D, null, time, time);
        var first = pacer.acquire();
        pacer.release(first);
        for (int i = 0; i < 10; i++) {
            var lane = pacer.acquire();
            assertSame(first, lane, "a one-worker run keeps one lane, so its delay holds");
            pacer.release(lane);
        }
        var a = pacer.acquire();
        var b = pacer.acquire();
        pacer.release(a);
        assertSame(a, pacer.acquire());
        pacer.release(b);
    }

    @Test
    void aScanWaitsForAFreeLaneWhenAllAreHeld() throws Exception {
        var pacer = new Pacer(1, D, null, time, time);
        var held = pacer.acquire();
        var got = new AtomicReference<Pacer.Lane>();
        var waiter = Thread.ofVirtual().start(() -> {
            try {
                got.set(pacer.acquire());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.WAITING);
        assertEquals(null, got.get());
        pacer.release(held);
        waiter.join();
        assertSame(held, got.get());
    }

    @Test
    void theGlobalBucketSpacesRequestsOfAllLanes() throws Exception {
        var bucket = new TokenBucket(Duration.ofMillis(500), 1, time, time);
        var pacer = new Pacer(4, Duration.ZERO, bucket, time, time);
        for (int i = 0; i < 4; i++) {
            pacer.awaitTurn(pacer.acquire());
        }
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500)), time.sleeps());
    }

    @Test
    void theBucketLetsABurstThroughAfterAnIdleSpell() throws Exception {
        var bucket = new TokenBucket(Duration.ofMillis(500), 3, time, time);
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), time.sleeps());
        time.sleep(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            bucket.acquire();
        }
        assertEquals(3, time.sleeps().size(), "after idling, three go through at once");
    }
}
