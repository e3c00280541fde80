package io.vscanpoc.report.render;

import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.render.internal.DecisionSection;
import io.vscanpoc.report.render.internal.EnvironmentSection;
import io.vscanpoc.report.render.internal.ErrorBreakdownSection;
import io.vscanpoc.report.render.internal.HeaderSection;
import io.vscanpoc.report.render.internal.ImpactSection;
import io.vscanpoc.report.render.internal.MarkdownDocument;
import io.vscanpoc.report.render.internal.MethodSection;
import io.vscanpoc.report.render.internal.NextStepsSection;
import io.vscanpoc.report.render.internal.PerformanceSection;
import io.vscanpoc.report.render.internal.RateLimitSection;
import io.vscanpoc.report.render.internal.ReportContext;
import io.vscanpoc.report.render.internal.ResultsSection;
import io.vscanpoc.report.render.internal.SanitySection;
import io.vscanpoc.report.render.internal.Section;
import io.vscanpoc.report.render.internal.SqliteSection;
import java.util.List;

/**
 * Renders a run and its evaluation as GitHub-flavoured Markdown: the brief's sections in its
 * order (Test Environment, Results Table, Error Breakdown, Performance Analysis, Rate Limit
 * Findings, SQLite Concurrency, Real-World Impact, Go/No-Go Decision, Recommendations and Next
 * Steps) plus Method and Sanity Checks. Pure: no I/O.
 */
public final class MarkdownRenderer {

    private static final List<Section> SECTIONS = List.of(
            new HeaderSection(),
            new EnvironmentSection(),
            new MethodSection(),
            new ResultsSection(),
            new ErrorBreakdownSection(),
            new PerformanceSection(),
            new RateLimitSection(),
            new SqliteSection(),
            new ImpactSection(),
            new SanitySection(),
            new DecisionSection(),
            new NextStepsSection());

    private MarkdownRenderer() {}

    /** The report, without a link to an SVG chart (the Mermaid chart is always inline). */
    public static String render(RunResults results, Evaluation evaluation) {
        return render(results, evaluation, null);
    }

    /**
     * The report.
     *
     * @param chartImage a link, relative to the report, to the SVG chart written beside it; null
     *     for none
     */
    public static String render(RunResults results, Evaluation evaluation, String chartImage) {
        var context = new ReportContext(results, evaluation, chartImage);
        var document = new MarkdownDocument();
        for (var section : SECTIONS) {
            section.write(context, document);
        }
        return document.text();
    }
}
