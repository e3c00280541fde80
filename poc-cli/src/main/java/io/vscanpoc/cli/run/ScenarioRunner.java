package io.vscanpoc.cli.run;

import io.vscanpoc.cache.CacheStats;
import io.vscanpoc.cache.IntegrityReport;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.PhaseTimings;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.cache.CachingVscanClient;
import io.vscanpoc.core.client.ClientStats;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.scanner.FailurePolicy;
import io.vscanpoc.report.model.CacheCheck;
import io.vscanpoc.report.model.LatencyPercentiles;
import io.vscanpoc.report.model.PhaseLatency;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.SimulatorCounts;
import io.vscanpoc.report.model.StatsAgreement;
import io.vscanpoc.sim.SimulatorStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one timed scan of one scenario and records what it measured: the outcomes, the client's
 * counters, the simulator's counters over the same window, and the cache's checks afterwards.
 * Nothing here is assumed; every figure in a {@link Repetition} is counted.
 */
final class ScenarioRunner {

    /** A finished timed scan: the report's record of it, and the raw scan for the console. */
    record Run(Repetition repetition, ScanReport<ExtensionId, ScanResult> scan, ClientStats client) {}

    private final Target target;
    private final SqliteResultCache cache;
    private final ClientFactory clients;

    ScenarioRunner(Target target, SqliteResultCache cache, ClientFactory clients) {
        this.target = target;
        this.cache = cache;
        this.clients = clients;
    }

    Run run(Scenario scenario, List<ExtensionId> ids, ScanListener<ExtensionId, ScanResult> listener) {
        CacheStats cacheBefore = cache.stats();
        SimulatorStats simBefore = target.groundTruth().orElse(null);
        ScanReport<ExtensionId, ScanResult> scan;
        ClientStats client;
        try (var http = clients.create(scenario.workers())) {
            scan = ScanOnce.scan(ids, scenario.workers(), new CachingVscanClient(http, cache), listener,
                    FailurePolicy.collectAll());
            client = http.stats();
        }
        // The cache is checked even after Ctrl-C: the interrupt is parked while SQLite and the
        // report files are touched, then restored for the caller.
        boolean interrupted = Thread.interrupted();
        try {
            SimulatorCounts simulator = simBefore == null ? null : counts(target.groundTruth().orElseThrow().minus(simBefore));
            CacheCheck check = check();
            CacheStats cacheAfter = cache.stats();
            long busy = (cacheAfter.busyCount() - cacheBefore.busyCount()) + (cacheAfter.lockedCount() - cacheBefore.lockedCount());
            return new Run(repetition(ids.size(), scan, client, check, busy, simulator), scan, client);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static SimulatorCounts counts(SimulatorStats delta) {
        return new SimulatorCounts(delta.requests(), delta.http429());
    }

    private CacheCheck check() {
        IntegrityReport report;
        try {
            report = cache.integrityCheck();
        } catch (CacheException e) {
            throw new RuntimeFailure("the cache could not be checked: " + e.getMessage(), e);
        }
        boolean integrityOk = "ok".equalsIgnoreCase(report.sqliteResult());
        return new CacheCheck(integrityOk, report.ok(), report.summary());
    }

    static Repetition repetition(
            int inputs,
            ScanReport<ExtensionId, ScanResult> scan,
            ClientStats client,
            CacheCheck check,
            long sqliteBusy,
            SimulatorCounts simulator) {
        long successes = 0;
        long cached = 0;
        var errors = new EnumMap<ErrorCategory, Long>(ErrorCategory.class);
        var timings = new ArrayList<PhaseTimings>();
        for (var outcome : scan.outcomes()) {
            switch (outcome) {
                case ScanOutcome.Success<ExtensionId, ScanResult> s -> {
                    successes++;
                    if (s.fromCache()) {
                        cached++;
                    } else {
                        timings.add(s.value().timings());
                    }
                }
                case ScanOutcome.Failure<ExtensionId, ScanResult> f -> errors.merge(f.category(), 1L, Long::sum);
            }
        }
        return Repetition.builder()
                .duration(scan.wallTime())
                .inputs(inputs)
                .outcomes(scan.outcomes().size())
                .successes(successes)
                .cached(cached)
                .fresh(successes - cached)
                .errors(errors)
                .requests(client.requests())
                .http429(client.http429())
                .retries(client.retries())
                .latency(LatencyPercentiles.from(scan.stats().latency()))
                .phases(timings.isEmpty() ? PhaseLatency.NONE : PhaseLatency.of(timings))
                .cacheCheck(check)
                .sqliteBusy(sqliteBusy)
                .stats(agreement(scan, successes, cached, errors))
                .simulator(simulator)
                .build();
    }

    /** The scanner's lock-free counters must equal what the outcomes add up to, exactly. */
    static StatsAgreement agreement(
            ScanReport<ExtensionId, ScanResult> scan, long successes, long cached, Map<ErrorCategory, Long> errors) {
        var stats = scan.stats();
        var mismatches = new ArrayList<String>();
        if (stats.successes() != successes) {
            mismatches.add("successes " + stats.successes() + " counted vs " + successes + " in outcomes");
        }
        if (stats.cacheHits() != cached) {
            mismatches.add("cache hits " + stats.cacheHits() + " counted vs " + cached + " in outcomes");
        }
        for (var category : ErrorCategory.values()) {
            long fromOutcomes = errors.getOrDefault(category, 0L);
            if (stats.failures(category) != fromOutcomes) {
                mismatches.add(category + " " + stats.failures(category) + " counted vs " + fromOutcomes + " in outcomes");
            }
        }
        if (mismatches.isEmpty()) {
            return new StatsAgreement(true, "scanner counters equal the " + scan.outcomes().size() + " outcomes");
        }
        return new StatsAgreement(false, String.join("; ", mismatches));
    }
}
