package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.evaluation.SanityCheck;
import io.vscanpoc.report.internal.Formats;
import java.util.ArrayList;

/** Every sanity check, raised or not, so the reader sees what was looked for. */
public final class SanitySection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        var flags = context.evaluation().sanityFlags();
        document.heading(2, "Sanity Checks");
        document.paragraph(flags.isEmpty()
                ? "No sanity flag raised."
                : Formats.count(flags.size(), "sanity flag") + " raised. A flag does not change the decision; it"
                        + " marks evidence to re-check before acting on it.");
        var lines = new ArrayList<String>();
        for (var check : SanityCheck.values()) {
            var raised = flags.stream().filter(f -> f.check() == check).toList();
            if (raised.isEmpty()) {
                lines.add("✓ " + (check == SanityCheck.GROUND_TRUTH_MISMATCH && !context.simulated()
                        ? "Simulator ground truth: not applicable (a real run)." : check.clear()));
            }
            for (var flag : raised) {
                lines.add("⚠ **" + check.title() + "**" + (flag.test() == null ? "" : " (test " + flag.test() + ")")
                        + ": " + flag.detail());
            }
        }
        document.bullets(lines);
    }
}
