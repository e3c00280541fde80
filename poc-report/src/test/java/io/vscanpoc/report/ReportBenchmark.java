package io.vscanpoc.report;

import io.vscanpoc.report.evaluation.RunEvaluator;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.render.JsonReportRenderer;
import io.vscanpoc.report.render.MarkdownRenderer;
import io.vscanpoc.report.render.SpeedupChart;
import java.util.Locale;

/**
 * Times evaluation plus rendering of the brief's matrix; not a test (nothing is asserted on time).
 * Run as described in docs/benchmarks.md.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {}

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        var results = new RunResults(Fixtures.realMetadata(repetitions).build(),
                Fixtures.healthyMatrix(repetitions, 1.0, b -> b));
        long bytes = 0;
        for (int i = 0; i < iterations / 4; i++) {
            bytes += once(results);
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            bytes += once(results);
        }
        double perRunMs = (System.nanoTime() - start) / 1e6 / iterations;
        System.out.printf(Locale.ROOT, "repetitions=%d iterations=%d: %.2f ms per evaluate+render (%d bytes total)%n",
                repetitions, iterations, perRunMs, bytes);
    }

    private static long once(RunResults results) {
        var evaluation = RunEvaluator.evaluate(results);
        return MarkdownRenderer.render(results, evaluation, "x.svg").length()
                + JsonReportRenderer.render(results, evaluation).length()
                + SpeedupChart.of(evaluation).svg().length();
    }
}
