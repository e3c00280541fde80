package io.vscanpoc.cli.run;

import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.cli.console.ConsoleStyle;
import io.vscanpoc.cli.console.ScanProgress;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.scanner.FailurePolicy;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.ScenarioResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the matrix: the warm-up, then every scenario of every repetition in the chosen order, each
 * with its cache state prepared and verified, printing the brief's console output as it goes.
 * Stops early, keeping what finished, when the thread is interrupted (Ctrl-C).
 */
final class MatrixRun {

    static final String RULE = "=".repeat(60);

    /** What ran. {@code interrupted} means Ctrl-C stopped it and {@code scenarios} are those that finished. */
    record Result(List<ScenarioResult> scenarios, boolean warmedUp, long warmupRequests, long fillRequests, boolean interrupted) {}

    private final Target target;
    private final SqliteResultCache cache;
    private final ClientFactory clients;
    private final CacheStatePreparer preparer;
    private final ScenarioRunner runner;
    private final PrintStream out;
    private final ConsoleStyle style;
    private final boolean quiet;

    MatrixRun(Target target, SqliteResultCache cache, ClientFactory clients, long seed, PrintStream out,
            ConsoleStyle style, boolean quiet) {
        this.target = target;
        this.cache = cache;
        this.clients = clients;
        this.preparer = new CacheStatePreparer(cache, clients, seed);
        this.runner = new ScenarioRunner(target, cache, clients);
        this.out = out;
        this.style = style;
        this.quiet = quiet;
    }

    Result execute(List<ExtensionId> ids, List<Scenario> order, int repetitions, boolean warmup) {
        long warmupRequests = 0;
        if (warmup) {
            warmupRequests = warmUp(ids, order.stream().mapToInt(Scenario::workers).max().orElse(1));
            if (Thread.currentThread().isInterrupted()) {
                return new Result(List.of(), true, warmupRequests, 0, true);
            }
        }
        var done = new LinkedHashMap<Scenario, List<Repetition>>();
        long fillRequests = 0;
        boolean first = !warmup;
        for (int rep = 1; rep <= repetitions; rep++) {
            for (int i = 0; i < order.size(); i++) {
                Scenario scenario = order.get(i);
                header(scenario, i + 1, order.size(), rep, repetitions);
                var prepared = preparer.prepare(scenario, ids, rep);
                fillRequests += prepared.fillRequests();
                if (Thread.currentThread().isInterrupted()) {
                    return result(done, warmup, warmupRequests, fillRequests, true);
                }
                line("  Cache state " + scenario.cacheLabel() + ": " + prepared.note() + " (verified before timing)");
                line("  Starting scan with " + scenario.workers() + " worker(s)...");
                ScanListener<ExtensionId, ScanResult> progress =
                        quiet ? ScanListener.none() : new ScanProgress(out, style, ids.size());
                var run = runner.run(scenario, ids, progress);
                if (run.scan().stop() == ScanReport.StopReason.INTERRUPTED) {
                    line("  " + style.yellow("Interrupted") + ": test " + scenario.test() + " was cancelled and is left out of the report");
                    return result(done, warmup, warmupRequests, fillRequests, true);
                }
                if (first) {
                    failIfUnreachable(run.scan());
                    first = false;
                }
                line("  Completed in " + seconds(run.repetition().duration()) + vscanTime(run.repetition().duration()));
                var check = run.repetition().cacheCheck();
                line(check.passed()
                        ? "  " + style.green("✓") + " Cache integrity check passed (" + check.detail() + ")"
                        : "  " + style.red("✗") + " Cache integrity check FAILED: " + check.detail());
                done.computeIfAbsent(scenario, s -> new ArrayList<>()).add(run.repetition());
            }
        }
        return result(done, warmup, warmupRequests, fillRequests, false);
    }

    /**
     * An untimed pass over the whole list so the server-side analysis cache is warm for every
     * scenario; without it the first scenario pays for every on-demand analysis and every later one
     * looks faster (the earlier PoC's 4.88x). It goes straight to the API, not through our cache.
     */
    private long warmUp(List<ExtensionId> ids, int workers) {
        line("");
        line("Warm-up: untimed pass over " + ids.size() + " extensions with " + workers
                + " worker(s), so the server-side cache is warm for every scenario...");
        try (var http = clients.create(workers)) {
            var scan = ScanOnce.scan(ids, workers, http, ScanListener.none(), FailurePolicy.failFastOn(ErrorCategory.NETWORK));
            if (scan.stop() != ScanReport.StopReason.INTERRUPTED) {
                failIfUnreachable(scan);
            }
            long failed = scan.outcomes().size() - scan.successes();
            line("  Warm-up done in " + seconds(scan.wallTime()) + vscanTime(scan.wallTime()) + ", "
                    + scan.successes() + " succeeded, " + failed + " failed, " + http.stats().requests() + " requests");
            return http.stats().requests();
        }
    }

    /** Exit 3 rather than a NO-GO report when not a single answer came back from the API. */
    private void failIfUnreachable(ScanReport<ExtensionId, ScanResult> scan) {
        if (scan.successes() > 0) {
            return;
        }
        var network = scan.outcomes().stream()
                .filter(o -> o instanceof ScanOutcome.Failure<ExtensionId, ScanResult> f && f.category() == ErrorCategory.NETWORK)
                .map(o -> (ScanOutcome.Failure<ExtensionId, ScanResult>) o)
                .findFirst();
        if (network.isPresent()) {
            throw new RuntimeFailure("the API at " + target.apiUrl() + " is unreachable: " + network.get().message());
        }
    }

    private Result result(Map<Scenario, List<Repetition>> done, boolean warmup, long warmupRequests, long fillRequests,
            boolean interrupted) {
        var scenarios = new ArrayList<ScenarioResult>();
        done.entrySet().stream()
                .sorted((a, b) -> Integer.compare(a.getKey().test(), b.getKey().test()))
                .forEach(e -> scenarios.add(new ScenarioResult(
                        e.getKey().test(),
                        e.getKey().workers(),
                        e.getKey().halfCached() ? CacheState.HALF : CacheState.EMPTY,
                        e.getValue())));
        return new Result(scenarios, warmup, warmupRequests, fillRequests, interrupted);
    }

    private void header(Scenario scenario, int position, int count, int rep, int repetitions) {
        line("");
        line(RULE);
        String repetition = repetitions > 1 ? " (repetition " + rep + "/" + repetitions + ")" : "";
        line(style.bold("Test " + scenario.test() + "/" + count + ": " + scenario.workers() + " worker(s), "
                + (scenario.halfCached() ? "50/50 cache" : "empty cache") + repetition)
                + (position != scenario.test() ? "  [run " + position + " of " + count + "]" : ""));
        line(RULE);
    }

    private String vscanTime(Duration real) {
        if (target.scale().factor() == 1.0) {
            return "";
        }
        return " (" + seconds(target.scale().toVscan(real)) + " in vscan time)";
    }

    static String seconds(Duration duration) {
        return String.format("%.1fs", duration.toNanos() / 1e9);
    }

    private void line(String text) {
        if (!quiet) {
            out.println(text);
        }
    }
}
