package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.evaluation.CriterionResult;
import io.vscanpoc.report.evaluation.Decision;
import io.vscanpoc.report.internal.Formats;
import java.util.ArrayList;

/** The criteria as ✓/✗ lines, the decision and the recommended worker count, as in the brief. */
public final class DecisionSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        var evaluation = context.evaluation();
        document.heading(2, "Go/No-Go Decision").heading(3, "Success Criteria");
        var lines = new ArrayList<String>();
        for (var result : evaluation.criteria()) {
            lines.add((result.passed() ? "✓ " : "✗ ") + headline(result) + " — " + result.detail());
        }
        document.bullets(lines);
        var decision = evaluation.decision();
        document.heading(3, "**Decision: " + decision.label() + " " + decision.mark() + "**");
        var workers = evaluation.workers();
        String count = workers.recommended() == null ? "none" : Formats.count(workers.recommended(), "worker");
        if (decision == Decision.GO) {
            document.paragraph("All success criteria met. Proceed to Phase 1 (production implementation).");
            document.paragraph("**Recommended worker count for production:** " + count);
        } else {
            document.paragraph("One or more success criteria failed" + (context.metadata().partial()
                    ? ", or the run is partial" : "") + ". Do not proceed to Phase 1.");
            document.paragraph("**Required actions:**").bullets(evaluation.actions());
            document.paragraph("**Recommended worker count, once these are addressed:** " + count);
        }
        document.paragraph(workers.rationale());
        if (context.simulated()) {
            document.quote("⚠ Simulated run: this decision is about the scanner against poc-sim. Repeat the run"
                    + " against vscan.dev before acting on it.");
        }
        if (!evaluation.sanityFlags().isEmpty()) {
            document.quote("⚠ " + Formats.count(evaluation.sanityFlags().size(), "sanity flag")
                    + " raised (see Sanity Checks): check before acting on this decision.");
        }
    }

    /** The brief's headline: "Speedup target met: 2.82x >= 2.5x", "Rate limit errors with 3 workers: 5". */
    static String headline(CriterionResult result) {
        var criterion = result.criterion();
        if (result.measured() == null) {
            return criterion.failTitle() + ": no data";
        }
        double measured = result.measured();
        if (!result.passed() && criterion.meets(measured)) {
            return "Not demonstrated: " + criterion.passTitle();
        }
        String title = result.passed() ? criterion.passTitle() : criterion.failTitle();
        return switch (criterion.unit()) {
            case COUNT -> result.passed() ? title : title + ": " + Formats.decimal(measured, 0);
            case RATIO -> title + ": " + Formats.against(measured, criterion.threshold(), 2) + "x "
                    + (result.passed() ? ">=" : "<") + " " + Formats.threshold(criterion.threshold()) + "x";
            case PERCENT -> title + ": " + Formats.against(measured, criterion.threshold(), 1) + "% "
                    + (result.passed() ? ">=" : "<") + " " + Formats.threshold(criterion.threshold()) + "%";
        };
    }
}
