package io.vscanpoc.report;

import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.evaluation.RunEvaluator;
import io.vscanpoc.report.internal.AtomicFiles;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.render.JsonReportRenderer;
import io.vscanpoc.report.render.MarkdownRenderer;
import io.vscanpoc.report.render.SpeedupChart;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Evaluates a run and writes its report files: the Markdown report, the JSON beside it and the
 * speedup chart as SVG. Each file is written atomically (temporary file, then a move), so a crash
 * leaves either the previous file or the whole new one, never half a report. This is the only
 * class of poc-report that touches the file system, and it writes only the paths it is given (or,
 * for the chart, derives from them).
 */
public final class ReportWriter {

    private ReportWriter() {}

    /**
     * Writes {@code markdown}, {@code json} and the chart at {@link #chartPathFor(Path)
     * chartPathFor(markdown)}, creating parent directories as needed.
     *
     * @return the evaluation the report states
     * @throws IOException when a file cannot be written; files already written stay whole
     */
    public static Evaluation write(RunResults results, Path markdown, Path json) throws IOException {
        return write(results, markdown, json, chartPathFor(markdown));
    }

    /**
     * Writes {@code markdown}, {@code json} and, unless {@code chart} is null or there is no
     * speedup to draw, the SVG chart at {@code chart}, linked from the Markdown.
     *
     * @return the evaluation the report states
     * @throws IOException when a file cannot be written; files already written stay whole
     */
    public static Evaluation write(RunResults results, Path markdown, Path json, Path chart) throws IOException {
        var evaluation = RunEvaluator.evaluate(results);
        AtomicFiles.write(json, JsonReportRenderer.render(results, evaluation));
        String chartLink = null;
        var speedupChart = SpeedupChart.of(evaluation);
        if (chart != null && !speedupChart.isEmpty()) {
            AtomicFiles.write(chart, speedupChart.svg());
            chartLink = link(markdown, chart);
        }
        AtomicFiles.write(markdown, MarkdownRenderer.render(results, evaluation, chartLink));
        return evaluation;
    }

    /** {@code <markdown base name>-speedup.svg} beside the Markdown file. */
    public static Path chartPathFor(Path markdown) {
        return sibling(markdown, "-speedup.svg");
    }

    /** {@code <markdown base name>.json} beside the Markdown file: the CLI's default JSON path. */
    public static Path jsonPathFor(Path markdown) {
        return sibling(markdown, ".json");
    }

    private static Path sibling(Path markdown, String suffix) {
        var name = markdown.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return markdown.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    }

    private static String link(Path markdown, Path chart) {
        var from = markdown.toAbsolutePath().getParent();
        var relative = from.relativize(chart.toAbsolutePath().normalize());
        return relative.toString().replace('\\', '/').replace(" ", "%20");
    }
}
