package io.vscanpoc.report.render.internal;

import static io.vscanpoc.report.evaluation.Thresholds.TARGET_WORKERS;

import io.vscanpoc.report.evaluation.WorkerLevel;
import io.vscanpoc.report.internal.Formats;
import java.util.ArrayList;

/** 429s and success per worker count, and the max safe worker count. */
public final class RateLimitSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        document.heading(2, "Rate Limit Findings");
        var workers = context.evaluation().workers();
        if (workers.levels().isEmpty()) {
            document.paragraph("No scenario finished, so nothing is known about the rate limit.");
            return;
        }
        var table = new MarkdownTable()
                .right("Workers").right("429 responses").right("Retries").right("Lowest success").left("Safe");
        for (var level : workers.levels()) {
            table.row(level.workers(), level.http429(), level.retries(), Formats.percent(level.lowestSuccessRate()),
                    level.safe() ? "✓ yes" : "✗ no");
        }
        document.table(table);
        var findings = new ArrayList<String>();
        findings.add(workers.maxSafe() == null
                ? "**Max safe worker count: none.** Every tested count had 429s or under 95% success."
                : "**Max safe worker count: " + workers.maxSafe() + ".** The largest tested count with zero 429"
                        + " responses and at least 95% success in every one of its scenarios.");
        var first = workers.levels().stream().filter(l -> l.http429() > 0).findFirst();
        int largest = workers.levels().getLast().workers();
        if (first.isPresent()) {
            findings.add("First 429 responses at " + Formats.count(first.get().workers(), "worker") + " ("
                    + first.get().http429() + ").");
            findings.add(first.get().workers() <= TARGET_WORKERS
                    ? "429s at " + TARGET_WORKERS + " workers or fewer: reduce the production default below "
                            + TARGET_WORKERS + ", or slow the pacing."
                    : "429s only above " + TARGET_WORKERS + " workers: " + TARGET_WORKERS + " workers stayed clear"
                            + " of the limit.");
        } else {
            findings.add("No 429 response at any tested count (up to " + Formats.count(largest, "worker") + "): the"
                    + " limit, if there is one, was not reached with this pacing.");
        }
        long retried = workers.levels().stream().mapToLong(WorkerLevel::retries).sum();
        findings.add(Formats.count(retried, "request") + " retried in all (429s, 5xx, timeouts and network errors).");
        if (context.simulated()) {
            findings.add("Simulated: these limits are the simulator's configured ones, not vscan.dev's.");
        }
        document.bullets(findings);
    }
}
