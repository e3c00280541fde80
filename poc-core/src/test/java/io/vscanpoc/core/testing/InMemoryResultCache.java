package io.vscanpoc.core.testing;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ResultCache;
import io.vscanpoc.core.error.CacheException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ResultCache} in a concurrent map, for tests of code that uses the port: thread-safe,
 * lock-free for readers, optionally expiring entries older than a max age on an injected clock,
 * and able to fail on demand so the CACHE outcome path can be tested.
 *
 * <p>Injected failures: {@link #failGets(int)} and {@link #failPuts(int)} make the next {@code n}
 * calls throw a fresh {@link CacheException} ({@link Integer#MAX_VALUE} for "from now on");
 * {@link #heal()} stops them. After {@link #close()} every call throws.
 */
public final class InMemoryResultCache implements ResultCache {

    private record Entry(AnalysisResult result, Instant storedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final InstantSource clock;
    private final AtomicInteger getFailures = new AtomicInteger();
    private final AtomicInteger putFailures = new AtomicInteger();
    private final AtomicLong gets = new AtomicLong();
    private final AtomicLong puts = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A cache whose entries never expire. */
    public InMemoryResultCache() {
        this(null, InstantSource.system());
    }

    /** A cache in which an entry older than {@code maxAge} on {@code clock} is a miss. */
    public InMemoryResultCache(Duration maxAge, InstantSource clock) {
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<AnalysisResult> get(ExtensionId id) throws CacheException {
        gets.incrementAndGet();
        check("get", getFailures);
        Entry entry = entries.get(id.key());
        if (entry == null || (maxAge != null && entry.storedAt().plus(maxAge).isBefore(clock.instant()))) {
            return Optional.empty();
        }
        return Optional.of(entry.result());
    }

    @Override
    public void put(AnalysisResult result) throws CacheException {
        puts.incrementAndGet();
        check("put", putFailures);
        entries.put(result.id().key(), new Entry(result, clock.instant()));
    }

    @Override
    public long count() throws CacheException {
        check("count", null);
        return entries.size();
    }

    @Override
    public void clear() throws CacheException {
        check("clear", null);
        entries.clear();
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** Makes the next {@code times} calls of {@link #get} fail. */
    public void failGets(int times) {
        getFailures.set(times);
    }

    /** Makes the next {@code times} calls of {@link #put} fail. */
    public void failPuts(int times) {
        putFailures.set(times);
    }

    /** Stops injected failures. */
    public void heal() {
        getFailures.set(0);
        putFailures.set(0);
    }

    /** Calls of {@link #get}, failed ones included. */
    public long gets() {
        return gets.get();
    }

    /** Calls of {@link #put}, failed ones included. */
    public long puts() {
        return puts.get();
    }

    /** Whether an entry for {@code id} is stored, fresh or not. */
    public boolean contains(ExtensionId id) {
        return entries.containsKey(id.key());
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    private void check(String operation, AtomicInteger failures) throws CacheException {
        if (closed.get()) {
            throw new CacheException("in-memory cache is closed (" + operation + ")", null);
        }
        if (failures != null && failures.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
            throw new CacheException("injected " + operation + " failure", null);
        }
    }
}
