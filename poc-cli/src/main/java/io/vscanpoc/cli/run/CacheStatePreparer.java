package io.vscanpoc.cli.run;

import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.cache.CachingVscanClient;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.scanner.FailurePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the cache into a scenario's state, for real, and verifies it before the timed scan starts:
 * the earlier PoC's "50/50" rows showed 0 cached because its set-up never ran.
 *
 * <ul>
 *   <li>empty: every entry is deleted.</li>
 *   <li>50/50: the whole list must be cached first. The previous full scan usually left it so; any
 *       missing entry is fetched by an untimed fill pass. Then a seeded-random half is kept and the
 *       rest deleted, so exactly half the list is served from the cache and no extra API calls are
 *       spent in the timed scan.</li>
 * </ul>
 */
final class CacheStatePreparer {

    /** What the cache held when the timed scan began. */
    record Prepared(int expectedCached, int verifiedCached, long fillRequests, String note) {}

    private final SqliteResultCache cache;
    private final ClientFactory clients;
    private final long seed;

    CacheStatePreparer(SqliteResultCache cache, ClientFactory clients, long seed) {
        this.cache = cache;
        this.clients = clients;
        this.seed = seed;
    }

    Prepared prepare(Scenario scenario, List<ExtensionId> ids, int repetition) {
        try {
            if (!scenario.halfCached()) {
                cache.clear();
                return new Prepared(0, cachedAmong(ids), 0, "cache cleared");
            }
            long fillRequests = fillMissing(ids, scenario.workers());
            int keep = ids.size() / 2;
            // A distinct, reproducible half per scenario and repetition: the same seed gives the same run.
            cache.retainRandom(ids, keep, seed * 31 + scenario.test() * 1009L + repetition);
            int verified = cachedAmong(ids);
            String note = verified == keep
                    ? verified + " of " + ids.size() + " cached"
                    : "only " + verified + " of " + ids.size() + " could be cached (the fill pass had failures)";
            return new Prepared(keep, verified, fillRequests, note);
        } catch (CacheException e) {
            throw new RuntimeFailure("the cache is unusable: " + e.getMessage(), e);
        }
    }

    private long fillMissing(List<ExtensionId> ids, int workers) throws CacheException {
        var missing = new ArrayList<ExtensionId>();
        for (var id : ids) {
            if (cache.get(id).isEmpty()) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        try (var http = clients.create(workers)) {
            ScanOnce.scan(missing, workers, new CachingVscanClient(http, cache), ScanListener.none(), FailurePolicy.collectAll());
            return http.stats().requests();
        }
    }

    private int cachedAmong(List<ExtensionId> ids) throws CacheException {
        int cached = 0;
        for (var id : ids) {
            if (cache.get(id).isPresent()) {
                cached++;
            }
        }
        return cached;
    }
}
