package io.vscanpoc.report.render.internal;

import static io.vscanpoc.report.evaluation.Thresholds.SPEEDUP_TARGET;
import static io.vscanpoc.report.evaluation.Thresholds.SUPER_LINEAR_TOLERANCE;
import static io.vscanpoc.report.evaluation.Thresholds.TARGET_WORKERS;

import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.render.SpeedupChart;
import io.vscanpoc.report.stats.Estimate;
import java.util.TreeSet;

/** Speedup by workers (table and chart), the target's verdict in words, and latency. */
public final class PerformanceSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        document.heading(2, "Performance Analysis");
        if (context.summaries().isEmpty()) {
            document.paragraph("No scenario finished, so there is nothing to analyse.");
            return;
        }
        document.heading(3, "Speedup by workers");
        var table = new MarkdownTable()
                .right("Workers").right("Speedup (empty cache)").right("Ideal").right("Efficiency")
                .right("Speedup (50/50, vs 1-worker 50/50)");
        var workerCounts = new TreeSet<Integer>();
        context.summaries().forEach(s -> workerCounts.add(s.workers()));
        for (int workers : workerCounts) {
            var empty = context.scenario(workers, CacheState.EMPTY).map(ScenarioSummary::speedup).orElse(null);
            var half = context.scenario(workers, CacheState.HALF).map(ScenarioSummary::speedupSameCache).orElse(null);
            table.row(workers,
                    Cells.estimate(empty, Formats::speedup),
                    Formats.speedup(workers),
                    empty == null ? Cells.NONE : Formats.decimal(100 * empty.median() / workers, 0) + "%",
                    Cells.estimate(half, Formats::speedup));
        }
        document.table(table);
        document.paragraph("Efficiency = speedup ÷ workers. The ideal speedup assumes no coordination overhead and no"
                + " rate limiting; the brief expects 2.5–2.8x from 3 workers in practice.");
        var chart = SpeedupChart.of(context.evaluation());
        if (chart.isEmpty()) {
            document.paragraph("No chart: no empty-cache scenario has a speedup.");
        } else {
            document.fenced("mermaid", chart.mermaid());
            String caption = "Lines: measured median speedup (first), ideal speedup = workers (second).";
            if (context.chartImage() != null) {
                caption += " The same chart as an image, with 95% intervals where they exist: ![" + SpeedupChart.TITLE
                        + "](" + context.chartImage() + ")";
            }
            document.paragraph(caption);
        }
        document.paragraph(verdict(context));
        latency(context, document);
    }

    private static String verdict(ReportContext context) {
        var target = context.scenario(TARGET_WORKERS, CacheState.EMPTY);
        if (target.isEmpty()) {
            return "No " + TARGET_WORKERS + "-worker empty-cache scenario finished, so the target cannot be judged.";
        }
        Estimate speedup = target.get().speedup();
        if (speedup == null) {
            return "No speedup at " + TARGET_WORKERS + " workers: " + target.get().speedupNote() + ".";
        }
        double median = speedup.median();
        String measured = "At " + TARGET_WORKERS + " workers with an empty cache the median speedup is "
                + Formats.speedup(median) + " (target " + Formats.threshold(SPEEDUP_TARGET) + "x, ideal "
                + Formats.speedup(TARGET_WORKERS) + ", efficiency "
                + Formats.decimal(100 * median / TARGET_WORKERS, 0)
                + "%). ";
        if (median > TARGET_WORKERS * (1 + SUPER_LINEAR_TOLERANCE)) {
            return measured + "That is super-linear, more than " + TARGET_WORKERS + " workers can give: treat it as a"
                    + " measurement artefact until explained (see Sanity Checks).";
        }
        if (median >= SPEEDUP_TARGET) {
            return measured + "That meets the target.";
        }
        if (median >= 2.0) {
            return measured + "That is below the target.";
        }
        return measured + "That is well below the target; below 2.0x usually means rate limiting, high coordination"
                + " overhead or a slow API. Compare the latency percentiles below.";
    }

    private static void latency(ReportContext context, MarkdownDocument document) {
        document.heading(3, "Latency");
        var table = new MarkdownTable()
                .right("Test").right("Workers").left("Cache").right("p50").right("p90").right("p99").right("max")
                .right("Submit p50 / p90 / p99").right("Poll p50 / p90 / p99").right("Fetch p50 / p90 / p99");
        for (var s : context.summaries()) {
            table.row(s.test(), s.workers(), s.cacheState().jsonName(),
                    Cells.latency(s.latency().p50()), Cells.latency(s.latency().p90()),
                    Cells.latency(s.latency().p99()), Cells.latency(s.latency().max()),
                    Cells.percentiles(s.phases().submit()), Cells.percentiles(s.phases().poll()),
                    Cells.percentiles(s.phases().fetch()));
        }
        document.table(table);
        document.paragraph("Per-extension latency in seconds (vscan time), the median over repetitions of each"
                + " percentile. Phases cover the scans that went to the API; cache hits have none.");
    }

}
