package io.vscanpoc.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.PhaseTimings;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.VscanClient;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.error.NotFoundException;
import io.vscanpoc.core.error.RateLimitedException;
import io.vscanpoc.core.testing.InMemoryResultCache;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingVscanClientTest {

    private static final ExtensionId ID = ExtensionId.parse("ms-python.python");
    private static final PhaseTimings FETCHED = new PhaseTimings(
            Duration.ofMillis(300), 1, Duration.ofMillis(200), Duration.ofMillis(100), 3, 0, 0);

    private final AtomicInteger delegateCalls = new AtomicInteger();
    private final InMemoryResultCache cache = new InMemoryResultCache();

    private static AnalysisResult analysis(ExtensionId id, String version) throws Exception {
        return AnalysisResult.parse(id, """
                {"extensionInfo":{"version":"%s"},"securityScore":{"score":82,"riskLevel":"high"}}""".formatted(version));
    }

    /** A delegate that answers from "the API" and counts how often it was asked. */
    private VscanClient api(String version) {
        return id -> {
            delegateCalls.incrementAndGet();
            try {
                return new ScanResult(analysis(id, version), false, FETCHED);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void aHitIsServedFromTheCacheWithoutAskingTheDelegate() throws Exception {
        var stored = analysis(ID, "1.0");
        cache.put(stored);
        var result = new CachingVscanClient(api("2.0"), cache).scan(ID);

        assertTrue(result.fromCache());
        assertSame(stored, result.analysis());
        assertEquals(PhaseTimings.NONE, result.timings());
        assertEquals(0, delegateCalls.get());
    }

    @Test
    void aMissScansThenStoresSoTheNextScanIsAHit() throws Exception {
        var client = new CachingVscanClient(api("2.0"), cache);

        var first = client.scan(ID);
        assertFalse(first.fromCache());
        assertEquals(FETCHED, first.timings());
        assertEquals("2.0", first.analysis().version());
        assertTrue(cache.contains(ID));

        var second = client.scan(ExtensionId.parse("MS-Python.Python"));
        assertTrue(second.fromCache(), "IDs are case-insensitive");
        assertEquals(1, delegateCalls.get());
    }

    @Test
    void aFailedReadIsACacheFailureAndSpendsNoRequest() throws Exception {
        cache.failGets(1);
        var e = assertThrows(CacheException.class, () -> new CachingVscanClient(api("2.0"), cache).scan(ID));
        assertEquals(ErrorCategory.CACHE, e.category());
        assertEquals(0, delegateCalls.get());
    }

    @Test
    void aFailedWriteIsACacheFailureNotASilentSuccess() throws Exception {
        cache.failPuts(1);
        var client = new CachingVscanClient(api("2.0"), cache);
        var e = assertThrows(CacheException.class, () -> client.scan(ID));
        assertEquals(ErrorCategory.CACHE, e.category());
        assertEquals(1, delegateCalls.get());
        assertFalse(cache.contains(ID));

        assertFalse(client.scan(ID).fromCache(), "healed: the next scan fetches and stores again");
        assertTrue(cache.contains(ID));
    }

    @Test
    void aFailedScanIsNeverCached() throws Exception {
        VscanClient failing = id -> {
            delegateCalls.incrementAndGet();
            throw delegateCalls.get() == 1 ? new NotFoundException("HTTP 404") : new RateLimitedException("HTTP 429", null);
        };
        var client = new CachingVscanClient(failing, cache);
        assertThrows(NotFoundException.class, () -> client.scan(ID));
        assertThrows(RateLimitedException.class, () -> client.scan(ID));
        assertEquals(0, cache.puts());
        assertEquals(0, cache.count());
        assertEquals(2, delegateCalls.get(), "a failure is asked again, not remembered");
    }

    @Test
    void aResultTheDelegateServedFromItsOwnCacheIsNotStoredAgain() throws Exception {
        var stored = analysis(ID, "1.0");
        VscanClient inner = id -> ScanResult.cached(stored);
        var result = new CachingVscanClient(inner, cache).scan(ID);
        assertTrue(result.fromCache());
        assertEquals(0, cache.puts());
    }

    @Test
    void anEntryOlderThanTheMaxAgeIsAMiss() throws Exception {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2025-10-01T00:00:00Z"));
        var expiring = new InMemoryResultCache(Duration.ofHours(1), clock::get);
        var client = new CachingVscanClient(api("2.0"), expiring);
        client.scan(ID);
        assertTrue(client.scan(ID).fromCache());
        clock.set(clock.get().plus(Duration.ofHours(2)));
        assertFalse(client.scan(ID).fromCache());
        assertEquals(2, delegateCalls.get());
    }
}
