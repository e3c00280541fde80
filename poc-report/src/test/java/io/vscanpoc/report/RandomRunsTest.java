package io.vscanpoc.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.evaluation.Decision;
import io.vscanpoc.report.evaluation.RunEvaluator;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.model.ScenarioResult;
import io.vscanpoc.report.render.JsonReportRenderer;
import io.vscanpoc.report.render.MarkdownRenderer;
import java.util.ArrayList;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random runs, including zero durations, total failure, missing scenarios and odd
 * repetition counts: evaluating and rendering never throws, never prints a non-finite number, and
 * GO always means every criterion passed on a complete run.
 */
class RandomRunsTest {

    private static final ErrorCategory[] CATEGORIES = ErrorCategory.values();

    @Test
    void anyRecordedRunEvaluatesAndRendersCleanly() {
        var random = new SplittableRandom(7);
        for (int run = 0; run < 300; run++) {
            var results = randomRun(random);
            var evaluation = RunEvaluator.evaluate(results);
            var markdown = MarkdownRenderer.render(results, evaluation, "c.svg");
            var json = JsonReportRenderer.render(results, evaluation);
            for (var text : new String[] {markdown, json}) {
                assertFalse(text.contains("NaN"), "run " + run);
                assertFalse(text.contains("Infinity"), "run " + run);
            }
            boolean go = evaluation.decision() == Decision.GO;
            assertEquals(go, evaluation.allPassed() && !results.metadata().partial(), "run " + run);
            assertEquals(go, evaluation.actions().isEmpty(), "run " + run);
            int rows = markdown.substring(markdown.indexOf("## Results Table"), markdown.indexOf("## Error Breakdown"))
                    .lines().filter(l -> l.startsWith("| ") && Character.isDigit(l.charAt(2))).toList().size();
            assertEquals(results.scenarios().size(), rows, "run " + run);
            if (evaluation.workers().recommended() != null) {
                assertTrue(evaluation.workers().maxSafe() != null
                        && evaluation.workers().recommended() <= evaluation.workers().maxSafe());
            }
        }
    }

    private static RunResults randomRun(SplittableRandom random) {
        int repetitions = 1 + random.nextInt(4);
        var scenarios = new ArrayList<ScenarioResult>();
        for (int test = 1; test <= 8; test++) {
            if (random.nextInt(6) == 0) {
                continue;
            }
            double median = random.nextInt(10) == 0 ? 0 : random.nextDouble(0.001, 200);
            var seconds = Fixtures.spread(median, repetitions);
            scenarios.add(Fixtures.scenario(test, b -> randomise(b, random), seconds));
        }
        var metadata = Fixtures.realMetadata(repetitions)
                .partial(random.nextInt(5) == 0)
                .warmup(random.nextBoolean())
                .build();
        return new RunResults(metadata, scenarios);
    }

    private static Repetition.Builder randomise(Repetition.Builder builder, SplittableRandom random) {
        if (random.nextInt(3) > 0) {
            return builder;
        }
        int failures = random.nextInt(31);
        int cached = Math.min(30 - failures, random.nextInt(16));
        var category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        return builder.successes(30 - failures).cached(cached).fresh(30 - failures - cached)
                .errors(Map.of(category, (long) failures))
                .http429(random.nextInt(3) == 0 ? random.nextInt(20) : 0)
                .sqliteBusy(random.nextInt(10) == 0 ? 1 : 0)
                .cacheCheck(random.nextInt(10) > 0, random.nextInt(10) > 0, "random | check");
    }
}
