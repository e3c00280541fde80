package io.vscanpoc.cli.run;

import io.vscanpoc.cache.CacheStats;
import io.vscanpoc.cache.IntegrityReport;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.cache.CachingVscanClient;
import io.vscanpoc.core.client.ClientStats;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.core.scanner.FailurePolicy;
import io.vscanpoc.report.model.CacheCheck;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.SimulatorCounts;
import io.vscanpoc.sim.SimulatorStats;
import java.util.List;

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
        return Repetition.builder()
                .fromScan(scan)
                .inputs(inputs)
                .requests(client.requests())
                .http429(client.http429())
                .retries(client.retries())
                .cacheCheck(check)
                .sqliteBusy(sqliteBusy)
                .simulator(simulator)
                .build();
    }
}
