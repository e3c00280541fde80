package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.Repetition;

/** The brief's results table: exactly one row per finished scenario. */
public final class ResultsSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        document.heading(2, "Results Table");
        if (context.summaries().isEmpty()) {
            document.paragraph("No scenario finished, so there are no results.");
            return;
        }
        var table = new MarkdownTable()
                .right("Test").right("Workers").left("Cache").right("Cached").right("Fresh").right("Duration")
                .right("Avg/ext").right("Speedup").right("Success").right("429s").right("Errors").right("Requests")
                .left("Integrity");
        Integer baseline = context.evaluation().baseline();
        for (var s : context.summaries()) {
            table.row(
                    s.test(),
                    s.workers(),
                    s.cacheState().jsonName(),
                    Cells.perRepetition(s, s.cached(), Repetition::cached),
                    Cells.perRepetition(s, s.fresh(), Repetition::fresh),
                    Cells.estimate(s.duration(), Formats::seconds),
                    s.avgPerExtensionSeconds() == null ? Cells.NONE : Formats.fineSeconds(s.avgPerExtensionSeconds()),
                    Cells.speedup(s, baseline),
                    Formats.percent(s.successRate()),
                    s.http429(),
                    s.totalErrors(),
                    s.requests(),
                    integrity(s.integrityOk(), s.contentOk()));
        }
        document.table(table);
        document.paragraph("Speedup is against the baseline (1 worker, empty cache). A 50/50 row is faster partly"
                + " because half its results come from the cache; Performance Analysis compares it with the 1-worker"
                + " 50/50 run instead. 429s counts every 429 response, including ones a retry got past."
                + undefinedSpeedups(context));
    }

    private static String undefinedSpeedups(ReportContext context) {
        var notes = context.summaries().stream()
                .filter(s -> s.speedup() == null)
                .map(s -> "test " + s.test() + ": " + s.speedupNote())
                .toList();
        return notes.isEmpty() ? "" : " No speedup (" + Cells.NONE + ") for " + String.join("; ", notes) + ".";
    }

    private static String integrity(boolean integrityOk, boolean contentOk) {
        if (integrityOk && contentOk) {
            return "✓";
        }
        if (!integrityOk && !contentOk) {
            return "✗ integrity, content";
        }
        return integrityOk ? "✗ content" : "✗ integrity";
    }
}
