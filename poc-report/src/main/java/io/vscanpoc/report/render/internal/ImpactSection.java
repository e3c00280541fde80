package io.vscanpoc.report.render.internal;

import static io.vscanpoc.report.evaluation.Thresholds.PROJECTION_EXTENSIONS;
import static io.vscanpoc.report.evaluation.Thresholds.TARGET_WORKERS;

import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.CacheState;
import java.util.LinkedHashSet;

/** What the measured averages would mean for a developer with 66 extensions: a projection. */
public final class ImpactSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        document.heading(2, "Real-World Impact");
        document.quote("**Projection, not a measurement.** The measured average time per extension, multiplied out to a"
                + " developer with " + PROJECTION_EXTENSIONS + " extensions. It assumes the time per extension stays"
                + " what it was here; real times vary with the server's cache and with each extension."
                + (context.simulated() ? " The averages come from the simulator, not from vscan.dev." : ""));
        var baseline = context.scenario(1, CacheState.EMPTY).orElse(null);
        if (baseline == null || baseline.avgPerExtensionSeconds() == null || baseline.successes() == 0) {
            document.paragraph("No usable baseline (1 worker, empty cache) finished, so nothing can be projected.");
            return;
        }
        double sequential = baseline.avgPerExtensionSeconds() * PROJECTION_EXTENSIONS;
        var table = new MarkdownTable()
                .left("Setup").right("Avg/ext").right("Projected for " + PROJECTION_EXTENSIONS + " extensions")
                .right("Saved vs sequential");
        table.row("1 worker, empty cache (sequential)", Formats.fineSeconds(baseline.avgPerExtensionSeconds()),
                Formats.clock(sequential), Cells.NONE);
        var workerCounts = new LinkedHashSet<Integer>();
        var recommended = context.evaluation().workers().recommended();
        if (recommended != null && recommended > 1) {
            workerCounts.add(recommended);
        }
        workerCounts.add(TARGET_WORKERS);
        for (int workers : workerCounts) {
            for (var state : CacheState.values()) {
                var s = context.scenario(workers, state).orElse(null);
                if (s == null || s.avgPerExtensionSeconds() == null || s.successes() == 0) {
                    continue;
                }
                double projected = s.avgPerExtensionSeconds() * PROJECTION_EXTENSIONS;
                table.row(Formats.count(workers, "worker") + ", " + state.jsonName() + " cache"
                                + (recommended != null && workers == recommended ? " (recommended)" : ""),
                        Formats.fineSeconds(s.avgPerExtensionSeconds()), Formats.clock(projected),
                        sequential >= projected ? Formats.clock(sequential - projected) : "none (slower)");
            }
        }
        document.table(table);
    }

}
