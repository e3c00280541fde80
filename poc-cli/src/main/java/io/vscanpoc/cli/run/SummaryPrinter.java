package io.vscanpoc.cli.run;

import io.vscanpoc.cli.console.ConsoleStyle;
import io.vscanpoc.report.evaluation.CriterionResult;
import io.vscanpoc.report.evaluation.Decision;
import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.model.RunResults;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The brief's closing console output: the summary table, the criteria and the decision, then the
 * paths of the report and the JSON. It prints what the evaluation computed; it decides nothing.
 */
final class SummaryPrinter {

    private final PrintStream out;
    private final ConsoleStyle style;

    SummaryPrinter(PrintStream out, ConsoleStyle style) {
        this.out = out;
        this.style = style;
    }

    void print(RunResults results, Evaluation evaluation, Path report, Path json) {
        out.println();
        out.println(MatrixRun.RULE);
        out.println(results.metadata().partial() ? "TEST RESULTS SUMMARY (PARTIAL: interrupted)" : "TEST RESULTS SUMMARY");
        double scale = results.metadata().timeScale();
        if (scale != 1.0) {
            // The evaluation already reports durations in vscan time.
            out.println("Durations in vscan time: measured wall-clock divided by the time scale " + scale);
        }
        out.println(MatrixRun.RULE);
        out.printf("%-6s %-8s %-8s %-8s %-8s %-12s %-9s %-9s %-6s %s%n",
                "Test", "Workers", "Cache", "Cached", "Fresh", "Duration", "Speedup", "Success", "429s", "Errors");
        for (ScenarioSummary s : evaluation.scenarios()) {
            var scenario = s.scenario();
            long errors = s.errors().values().stream().mapToLong(Long::longValue).sum();
            out.printf("%-6d %-8d %-8s %-8d %-8d %-12s %-9s %-9s %-6d %d%n",
                    scenario.test(), scenario.workers(), scenario.cacheState().jsonName(), s.cached(), s.fresh(),
                    String.format(Locale.ROOT, "%.1fs", s.duration().median()),
                    s.speedup() == null ? "n/a" : String.format(Locale.ROOT, "%.2fx", s.speedup().median()),
                    String.format(Locale.ROOT, "%.1f%%", s.successRate()),
                    s.http429(), errors);
        }
        out.println(MatrixRun.RULE);
        out.println();
        out.println("Go/No-Go criteria:");
        for (CriterionResult c : evaluation.criteria()) {
            out.println("  " + (c.passed() ? style.green("✓") : style.red("✗")) + " "
                    + (c.passed() ? c.criterion().passTitle() : c.criterion().failTitle()) + ": " + c.detail());
        }
        evaluation.sanityFlags().forEach(flag ->
                out.println("  " + style.yellow("!") + " Sanity: " + flag.detail()));
        out.println();
        String decision = "Decision: " + evaluation.decision().label() + " " + evaluation.decision().mark();
        out.println(evaluation.decision() == Decision.GO ? style.green(style.bold(decision)) : style.red(style.bold(decision)));
        var workers = evaluation.workers();
        out.println("Recommended worker count: " + (workers.recommended() == null ? "none (no tested count was safe)" : workers.recommended())
                + "; max safe: " + (workers.maxSafe() == null ? "none" : workers.maxSafe()));
        evaluation.actions().forEach(action -> out.println("  " + action));
        out.println();
        out.println("Report: " + report.toAbsolutePath().normalize() + "  JSON: " + json.toAbsolutePath().normalize());
    }
}
