package io.vscanpoc.report.evaluation.internal;

import static io.vscanpoc.report.evaluation.Thresholds.LOW_SUCCESS_RATE;
import static io.vscanpoc.report.evaluation.Thresholds.SUCCESS_RATE_TARGET;
import static io.vscanpoc.report.evaluation.Thresholds.SUPER_LINEAR_TOLERANCE;

import io.vscanpoc.report.evaluation.SanityCheck;
import io.vscanpoc.report.evaluation.SanityFlag;
import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.RunMetadata;
import io.vscanpoc.report.model.ScenarioOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks for numbers too good, or too thin, to trust. Not API. */
public final class SanityChecker {

    private SanityChecker() {}

    /** The raised flags, run-wide ones first, then per scenario in scenario order. */
    public static List<SanityFlag> check(RunMetadata metadata, List<ScenarioSummary> summaries) {
        var flags = new ArrayList<SanityFlag>();
        if (!metadata.warmup()) {
            flags.add(new SanityFlag(SanityCheck.NO_WARMUP, null, "No warm-up pass ran before timing, so the"
                    + " first scenarios warmed the server's analysis cache for later ones"
                    + (metadata.order().mode() == ScenarioOrder.Mode.FIXED
                            ? " (in fixed order, always the same ones: the baseline runs cold)" : "")
                    + "; speedups may be inflated."));
        }
        summaries.stream()
                .filter(s -> s.workers() == 1 && s.cacheState() == CacheState.EMPTY)
                .filter(s -> s.inputs() > 0 && s.successRate() < SUCCESS_RATE_TARGET)
                .forEach(s -> flags.add(new SanityFlag(SanityCheck.LOW_BASELINE_SUCCESS, s.test(),
                        "The baseline (test " + s.test() + ") succeeded for only "
                                + Formats.against(s.successRate(), SUCCESS_RATE_TARGET, 1) + "% of scans, so every"
                                + " speedup is measured against a run whose failures took other times than"
                                + " scans would.")));
        for (var summary : summaries) {
            superLinear(summary, metadata).ifPresent(flags::add);
            flags.addAll(cachedMismatches(summary));
            flags.addAll(groundTruthMismatches(summary));
            if (summary.inputs() > 0 && summary.successRate() < LOW_SUCCESS_RATE) {
                flags.add(new SanityFlag(SanityCheck.LOW_SUCCESS, summary.test(),
                        Formats.capitalised(summary.describe())
                        + " rests on " + Formats.against(summary.successRate(), LOW_SUCCESS_RATE, 1)
                        + "% successes; its duration and speedup describe failures as much as scans."));
            }
        }
        return flags;
    }

    private static Optional<SanityFlag> superLinear(ScenarioSummary summary, RunMetadata metadata) {
        var speedup = summary.speedupSameCache();
        if (summary.workers() == 1 || speedup == null
                || speedup.median() <= summary.workers() * (1 + SUPER_LINEAR_TOLERANCE)) {
            return Optional.empty();
        }
        var causes = new ArrayList<String>();
        causes.add("the server's analysis cache warming during earlier scenarios");
        if (metadata.order().mode() == ScenarioOrder.Mode.FIXED) {
            causes.add("order effects of the fixed scenario order");
        }
        if (!metadata.warmup()) {
            causes.add("the missing warm-up");
        }
        return Optional.of(new SanityFlag(SanityCheck.SUPER_LINEAR_SPEEDUP, summary.test(),
                Formats.capitalised(summary.describe()) + " reached " + Formats.speedup(speedup.median())
                        + " against the 1-worker "
                        + summary.cacheState().jsonName() + " scenario, more than " + summary.workers()
                        + " workers can give (+5%); likely a measurement artefact, such as "
                        + Formats.list(causes) + ". Treat this speedup as suspect."));
    }

    private static List<SanityFlag> cachedMismatches(ScenarioSummary summary) {
        var reps = summary.scenario().repetitions();
        int expected = summary.scenario().expectedCached();
        var off = new ArrayList<String>();
        for (int i = 0; i < reps.size(); i++) {
            if (reps.get(i).cached() != expected) {
                off.add(reps.size() == 1 ? String.valueOf(reps.get(i).cached())
                        : reps.get(i).cached() + " in run " + (i + 1));
            }
        }
        if (off.isEmpty()) {
            return List.of();
        }
        return List.of(new SanityFlag(SanityCheck.CACHED_MISMATCH, summary.test(),
                Formats.capitalised(summary.describe())
                + " served " + Formats.list(off) + " from the cache, but the " + summary.cacheState().jsonName()
                + " state promises exactly " + expected + "; the cache state was not what the scenario claims."));
    }

    private static List<SanityFlag> groundTruthMismatches(ScenarioSummary summary) {
        var reps = summary.scenario().repetitions();
        var flags = new ArrayList<SanityFlag>();
        for (int i = 0; i < reps.size(); i++) {
            var rep = reps.get(i);
            var truth = rep.simulator();
            if (truth != null && (truth.requests() != rep.requests() || truth.http429() != rep.http429())) {
                String where = reps.size() == 1 ? summary.describe() : summary.describe() + ", run " + (i + 1);
                flags.add(new SanityFlag(SanityCheck.GROUND_TRUTH_MISMATCH, summary.test(), Formats.capitalised(where)
                        + ": the client counted " + rep.requests() + " requests and " + rep.http429()
                        + " 429s, the simulator saw " + truth.requests() + " and " + truth.http429()
                        + "; a counter is wrong or requests went uncounted."));
            }
        }
        return flags;
    }

}
