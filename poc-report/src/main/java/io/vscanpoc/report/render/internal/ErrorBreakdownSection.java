package io.vscanpoc.report.render.internal;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.model.ErrorGroup;
import java.util.ArrayList;

/** Failed scans per error type and scenario. */
public final class ErrorBreakdownSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        document.heading(2, "Error Breakdown");
        if (context.summaries().isEmpty()) {
            document.paragraph("No scenario finished, so there are no errors to break down.");
            return;
        }
        var table = new MarkdownTable().right("Test").right("Workers").left("Cache");
        for (var group : ErrorGroup.values()) {
            table.right(group.label());
        }
        table.right("Retries").right("429 responses");
        long failures = 0;
        var others = new ArrayList<String>();
        for (var s : context.summaries()) {
            var cells = new ArrayList<Object>();
            cells.add(s.test());
            cells.add(s.workers());
            cells.add(s.cacheState().jsonName());
            for (var group : ErrorGroup.values()) {
                cells.add(s.errors(group));
            }
            cells.add(s.retries());
            cells.add(s.http429());
            table.row(cells.toArray());
            failures += s.totalErrors();
            var parts = new ArrayList<String>();
            for (var category : ErrorCategory.values()) {
                long count = s.errors().get(category);
                if (count > 0 && ErrorGroup.of(category) == ErrorGroup.OTHER) {
                    parts.add(count + " " + category);
                }
            }
            if (!parts.isEmpty()) {
                others.add("test " + s.test() + ": " + String.join(", ", parts));
            }
        }
        document.table(table);
        var text = new StringBuilder(failures == 0
                ? "No scan failed in any scenario."
                : failures + " failed scans in all. Each failure is counted once, under the category of what ended"
                        + " it; \"Rate limit (429)\" counts scans that failed on a 429 after their retries, while"
                        + " \"429 responses\" counts every 429 received.");
        if (!others.isEmpty()) {
            text.append(" Other: ").append(String.join("; ", others)).append('.');
        }
        document.paragraph(text.toString());
    }
}
