package io.vscanpoc.core.cache;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ResultCache;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.VscanClient;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.error.VscanException;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link VscanClient} that asks a {@link ResultCache} first.
 *
 * <ul>
 *   <li>A hit returns {@link ScanResult#cached} (so the outcome counts as {@code fromCache}) and
 *       sends nothing.</li>
 *   <li>A miss scans through the delegate, stores the analysis, then returns it.</li>
 *   <li>A cache failure, on read or on write, fails the scan with the {@link CacheException}, which
 *       the scanner counts as a CACHE outcome. It is never ignored: a PoC that quietly skipped a
 *       broken cache would report a thread-safety it never had. After a failed read the delegate is
 *       not called, so no request is spent on a result that could not be kept.</li>
 *   <li>A failed scan is never cached: the delegate's exception passes through and nothing is
 *       stored.</li>
 * </ul>
 *
 * <p>Thread-safe when the delegate and the cache are, as their contracts require.
 */
public final class CachingVscanClient implements VscanClient {

    private final VscanClient delegate;
    private final ResultCache cache;

    public CachingVscanClient(VscanClient delegate, ResultCache cache) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public ScanResult scan(ExtensionId id) throws VscanException, InterruptedException {
        Optional<AnalysisResult> hit = cache.get(id);
        if (hit.isPresent()) {
            return ScanResult.cached(hit.get());
        }
        ScanResult fresh = delegate.scan(id);
        if (!fresh.fromCache()) {
            cache.put(fresh.analysis());
        }
        return fresh;
    }
}
