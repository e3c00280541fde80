package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.ScenarioOrder;
import io.vscanpoc.report.stats.MedianEstimator;
import java.util.ArrayList;
import java.util.stream.Collectors;

/** How the numbers were obtained: warm-up, order, repetitions, time scale and definitions. */
public final class MethodSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        var metadata = context.metadata();
        var items = new ArrayList<String>();
        items.add(metadata.warmup()
                ? "**Warm-up:** an untimed pass over the dataset warmed the server's analysis cache before the"
                        + " first timed scenario, so no scenario profits from an earlier one's warming."
                : "**Warm-up: none.** The server's analysis cache was cold at the start, so the first scenarios"
                        + " warmed it for the later ones (see Sanity Checks).");
        var order = metadata.order();
        String runOrder = order.tests().isEmpty() ? "none recorded"
                : order.tests().stream().map(String::valueOf).collect(Collectors.joining(", "));
        items.add(order.mode() == ScenarioOrder.Mode.FIXED
                ? "**Order:** fixed (matrix order). Timed runs in order: " + runOrder + "."
                : "**Order:** shuffled, to spread order effects across scenarios. Timed runs in order: " + runOrder
                        + ".");
        items.add(metadata.repetitions() >= MedianEstimator.MIN_SAMPLES_FOR_INTERVAL
                ? "**Repetitions:** " + metadata.repetitions() + " per scenario. Durations and speedups are medians,"
                        + " with a 95% percentile-bootstrap interval (" + MedianEstimator.RESAMPLES
                        + " resamples, fixed seed) shown in parentheses as (low–high)."
                : "**Repetitions:** " + metadata.repetitions() + " per scenario. With fewer than "
                        + MedianEstimator.MIN_SAMPLES_FOR_INTERVAL + " repetitions no interval exists: each duration"
                        + " rests on " + (metadata.repetitions() == 1 ? "a single measurement" : "two measurements")
                        + ", and differences of a few percent between scenarios may be noise.");
        double scale = metadata.timeScale();
        items.add(scale == 1.0
                ? "**Time scale:** 1 (real time)."
                : "**Time scale:** " + Formats.threshold(scale) + " (every wait ran "
                        + Formats.threshold(Formats.round(1 / scale, 2))
                        + "x faster than real). Durations and latencies in this report are in vscan time (measured"
                        + " wall-clock ÷ " + Formats.threshold(scale) + "), so they read as a real run would;"
                        + " speedups and ratios are unaffected.");
        int size = metadata.datasetSize();
        items.add("**Cache states:** `empty` clears the cache; `50/50` caches exactly "
                + CacheState.HALF.expectedCached(size) + " of the " + size + " extensions before the timed run.");
        items.add("**Definitions:** speedup = median duration of the baseline (1 worker, empty cache) ÷ median"
                + " duration of the scenario. Success = successful scans ÷ inputs. Requests, 429s, retries, errors and"
                + " SQLite busy events are totals over all repetitions; Cached and Fresh are per repetition.");
        document.heading(2, "Method").bullets(items);
    }
}
