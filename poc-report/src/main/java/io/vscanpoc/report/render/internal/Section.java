package io.vscanpoc.report.render.internal;

/** One section of the Markdown report. Implementations write only to the document. Not API. */
public interface Section {

    /** Appends this section to {@code document}. */
    void write(ReportContext context, MarkdownDocument document);
}
