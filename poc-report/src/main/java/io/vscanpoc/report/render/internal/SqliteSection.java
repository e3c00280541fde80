package io.vscanpoc.report.render.internal;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.evaluation.Criterion;

/** SQLite busy/locked events and the cache checks per scenario. */
public final class SqliteSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        document.heading(2, "SQLite Concurrency");
        if (context.summaries().isEmpty()) {
            document.paragraph("No scenario finished, so the cache was not exercised.");
            return;
        }
        var table = new MarkdownTable()
                .right("Test").right("Workers").left("Cache").right("Busy/locked").right("Cache errors")
                .left("Integrity check").left("Content check");
        for (var s : context.summaries()) {
            table.row(s.test(), s.workers(), s.cacheState().jsonName(), s.sqliteBusy(),
                    s.errors().get(ErrorCategory.CACHE),
                    Cells.check(s.integrityOk()), Cells.check(s.contentOk()));
        }
        document.table(table);
        var evaluation = context.evaluation();
        document.paragraph(evaluation.criterion(Criterion.SQLITE_THREAD_SAFETY).detail() + " "
                + evaluation.criterion(Criterion.DATA_INTEGRITY).detail());
    }
}
