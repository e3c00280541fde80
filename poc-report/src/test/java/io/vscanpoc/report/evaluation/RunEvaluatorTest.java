package io.vscanpoc.report.evaluation;

import static io.vscanpoc.report.Fixtures.healthyMatrix;
import static io.vscanpoc.report.Fixtures.scenario;
import static io.vscanpoc.report.Fixtures.spread;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.Fixtures;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.RunMetadata;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.model.ScenarioResult;
import io.vscanpoc.report.render.JsonReportRenderer;
import io.vscanpoc.report.render.MarkdownRenderer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunEvaluatorTest {

    @Test
    void healthyCompleteRunIsGo() {
        var evaluation = RunEvaluator.evaluate(Fixtures.go());
        assertEquals(Decision.GO, evaluation.decision());
        assertTrue(evaluation.allPassed());
        assertEquals(List.of(), evaluation.actions());
        assertEquals(EnumSet.allOf(Criterion.class),
                EnumSet.copyOf(evaluation.criteria().stream().map(CriterionResult::criterion).toList()));
        assertEquals(5, evaluation.workers().recommended());
        assertEquals(7, evaluation.workers().maxSafe());
        assertEquals(List.of(), evaluation.sanityFlags());
        assertEquals(60.0 / 22.0, evaluation.criterion(Criterion.SPEEDUP).measured(), 1e-9);
        assertTrue(evaluation.scenario(3).orElseThrow().speedup().hasInterval());
    }

    static Stream<Arguments> singleFailures() {
        return Stream.of(
                Arguments.of(Criterion.NO_RATE_LIMIT, 4, (UnaryOperator<Repetition.Builder>) b -> b.http429(2).retries(2)),
                Arguments.of(Criterion.SQLITE_THREAD_SAFETY, 5, (UnaryOperator<Repetition.Builder>) b -> b.sqliteBusy(3)),
                Arguments.of(Criterion.STATS_ACCURACY, 6,
                        (UnaryOperator<Repetition.Builder>) b -> b.stats(false, "successes: stats 14, outcomes 15")),
                Arguments.of(Criterion.ERROR_HANDLING, 7,
                        (UnaryOperator<Repetition.Builder>) b -> b.outcomes(29).successes(29).fresh(29)),
                Arguments.of(Criterion.ERROR_HANDLING, 5, (UnaryOperator<Repetition.Builder>) b -> b.successes(29).fresh(29)
                        .errors(Map.of(ErrorCategory.INTERNAL, 1L))),
                Arguments.of(Criterion.DATA_INTEGRITY, 8,
                        (UnaryOperator<Repetition.Builder>) b -> b.cacheCheck(true, false, "row 3 does not parse")),
                Arguments.of(Criterion.DATA_INTEGRITY, 2,
                        (UnaryOperator<Repetition.Builder>) b -> b.cacheCheck(false, true, "page 7: btree corrupt")),
                Arguments.of(Criterion.SUCCESS_RATE, 3, (UnaryOperator<Repetition.Builder>) b -> b.successes(28).fresh(28)
                        .errors(Map.of(ErrorCategory.TIMEOUT, 2L))));
    }

    @ParameterizedTest(name = "{0} via test {1}")
    @MethodSource("singleFailures")
    void eachCriterionFailsAloneAndNamesItsAction(Criterion failing, int test, UnaryOperator<Repetition.Builder> tweak) {
        var evaluation = RunEvaluator.evaluate(withScenario(Fixtures.go(), test, tweak, 1.0));
        assertOnlyFails(evaluation, failing);
    }

    @Test
    void speedupBelowTargetFailsAlone() {
        var results = Fixtures.go();
        var evaluation = RunEvaluator.evaluate(replace(results, scenario(3, b -> b, spread(30.0, 3))));
        assertOnlyFails(evaluation, Criterion.SPEEDUP);
        assertEquals(2.0, evaluation.criterion(Criterion.SPEEDUP).measured(), 1e-9);
    }

    @Test
    void missingTest3FailsTheSpeedupForLackOfData() {
        var evaluation = RunEvaluator.evaluate(without(Fixtures.go(), 3));
        var speedup = evaluation.criterion(Criterion.SPEEDUP);
        assertFalse(speedup.passed());
        assertNull(speedup.measured());
        assertTrue(speedup.detail().contains("No scenario with 3 workers and an empty cache finished"), speedup.detail());
        assertEquals(Decision.NO_GO, evaluation.decision());
        assertTrue(evaluation.actions().contains("Address: Speedup below target"));
    }

    @Test
    void missingThreeWorkerScenariosFailEveryThreeWorkerCriterion() {
        var evaluation = RunEvaluator.evaluate(without(without(Fixtures.go(), 3), 4));
        for (var criterion : List.of(Criterion.NO_RATE_LIMIT, Criterion.SPEEDUP, Criterion.SUCCESS_RATE)) {
            var result = evaluation.criterion(criterion);
            assertFalse(result.passed(), criterion.name());
            assertNull(result.measured(), criterion.name());
            assertTrue(result.detail().contains("finished"), result.detail());
        }
        assertTrue(evaluation.criterion(Criterion.SQLITE_THREAD_SAFETY).passed());
    }

    @Test
    void missingBaselineLeavesNoSpeedupAnywhere() {
        var evaluation = RunEvaluator.evaluate(without(Fixtures.go(), 1));
        assertNull(evaluation.baseline());
        assertTrue(evaluation.scenarios().stream().allMatch(s -> s.speedup() == null && s.speedupNote() != null));
        assertTrue(evaluation.criterion(Criterion.SPEEDUP).detail().contains("baseline"));
        assertFalse(evaluation.criterion(Criterion.SPEEDUP).passed());
    }

    @Test
    void zeroDurationBaselineGivesNoSpeedupAndNoNonFiniteNumber() {
        var results = replace(Fixtures.go(), scenario(1, b -> b, 0, 0, 0));
        var evaluation = RunEvaluator.evaluate(results);
        var speedup = evaluation.criterion(Criterion.SPEEDUP);
        assertFalse(speedup.passed());
        assertNull(speedup.measured());
        assertTrue(speedup.detail().contains("took 0 s"), speedup.detail());
        assertNull(evaluation.scenario(3).orElseThrow().speedup());
        assertEquals(1.0, evaluation.scenario(1).orElseThrow().speedup().median());
        assertFinite(results, evaluation);
    }

    @Test
    void zeroDurationScenarioHasNoUnboundedSpeedup() {
        var results = replace(Fixtures.go(), scenario(3, b -> b, 0, 0, 0));
        var evaluation = RunEvaluator.evaluate(results);
        var summary = evaluation.scenario(3).orElseThrow();
        assertNull(summary.speedup());
        assertTrue(summary.speedupNote().contains("took 0 s"), summary.speedupNote());
        assertFalse(evaluation.criterion(Criterion.SPEEDUP).passed());
        assertFinite(results, evaluation);
    }

    @Test
    void allScansFailedIsNoGoWithoutNonFiniteNumbers() {
        var results = new RunResults(Fixtures.realMetadata(1).build(), healthyMatrix(1, 1.0,
                b -> b.successes(0).cached(0).fresh(0).requests(30).errors(Map.of(ErrorCategory.NETWORK, 30L))
                        .latency(io.vscanpoc.report.model.LatencyPercentiles.NONE)
                        .phases(io.vscanpoc.report.model.PhaseLatency.NONE)));
        var evaluation = RunEvaluator.evaluate(results);
        assertEquals(Decision.NO_GO, evaluation.decision());
        assertFalse(evaluation.criterion(Criterion.SUCCESS_RATE).passed());
        assertEquals(0.0, evaluation.criterion(Criterion.SUCCESS_RATE).measured());
        var speedup = evaluation.criterion(Criterion.SPEEDUP);
        assertFalse(speedup.passed());
        assertTrue(speedup.detail().contains("no successful scan"), speedup.detail());
        assertNull(evaluation.workers().recommended());
        assertNull(evaluation.workers().maxSafe());
        assertTrue(flagged(evaluation, SanityCheck.LOW_BASELINE_SUCCESS, 1));
        assertTrue(flagged(evaluation, SanityCheck.LOW_SUCCESS, 7));
        assertTrue(evaluation.scenarios().stream().allMatch(s -> s.successRate() == 0.0));
        assertFinite(results, evaluation);
    }

    @Test
    void oneRepetitionHasNoIntervalAndSaysSo() {
        var results = new RunResults(Fixtures.realMetadata(1).build(), healthyMatrix(1, 1.0, b -> b));
        var evaluation = RunEvaluator.evaluate(results);
        assertEquals(Decision.GO, evaluation.decision());
        assertTrue(evaluation.scenarios().stream().noneMatch(s -> s.duration().hasInterval()));
        assertTrue(evaluation.scenarios().stream()
                .noneMatch(s -> s.speedup() != null && s.speedup().hasInterval()));
        assertTrue(evaluation.criterion(Criterion.SPEEDUP).detail().contains("no interval exists"));
        assertTrue(MarkdownRenderer.render(results, evaluation).contains("no interval exists"));
    }

    @Test
    void partialRunIsNeverGoEvenWhenItsCriteriaPass() {
        var evaluation = RunEvaluator.evaluate(Fixtures.partial());
        assertTrue(evaluation.allPassed());
        assertEquals(Decision.NO_GO, evaluation.decision());
        assertEquals(List.of("Address: Run interrupted after 3 of 8 planned scenarios; rerun the full matrix"),
                evaluation.actions());
    }

    @Test
    void nothingFinishedFailsEveryCriterionForLackOfData() {
        var results = new RunResults(Fixtures.realMetadata(1).partial(true).build(), List.of());
        var evaluation = RunEvaluator.evaluate(results);
        assertTrue(evaluation.criteria().stream().allMatch(c -> !c.passed() && c.measured() == null));
        assertNull(evaluation.workers().recommended());
        assertFinite(results, evaluation);
    }

    @Test
    void simulatedRunNeedsGroundTruthForEveryRepetition() {
        var sim = Fixtures.simulated();
        var withoutTruth = new RunResults(sim.metadata(), healthyMatrix(1, 0.05, b -> b));
        var stats = RunEvaluator.evaluate(withoutTruth).criterion(Criterion.STATS_ACCURACY);
        assertFalse(stats.passed());
        assertEquals(8.0, stats.measured());
        assertTrue(stats.detail().contains("no simulator ground truth was recorded"), stats.detail());
    }

    @Test
    void groundTruthMismatchFailsStatsAccuracyAndRaisesAFlag() {
        var sim = Fixtures.simulated();
        var results = withScenario(sim, 5, b -> Fixtures.withGroundTruth(b).simulator(92, 0), 0.05);
        var evaluation = RunEvaluator.evaluate(results);
        assertOnlyFails(evaluation, Criterion.STATS_ACCURACY);
        assertTrue(evaluation.criterion(Criterion.STATS_ACCURACY).detail()
                .contains("the client counted 90 requests and 0 429s, the simulator 92 and 0"));
        assertTrue(flagged(evaluation, SanityCheck.GROUND_TRUTH_MISMATCH, 5));
    }

    @Test
    void sqliteSafetyIsNotDemonstratedWithoutConcurrentWorkers() {
        var results = new RunResults(Fixtures.realMetadata(1).build(),
                List.of(scenario(1, b -> b, 60.0), scenario(2, b -> b, 31.0)));
        var sqlite = RunEvaluator.evaluate(results).criterion(Criterion.SQLITE_THREAD_SAFETY);
        assertFalse(sqlite.passed());
        assertEquals(0.0, sqlite.measured());
        assertTrue(sqlite.detail().contains("never exercised"));
    }

    @Test
    void theEarlierPocsPublishedNumbersAreFlagged() {
        // Its table: 1 worker 181.4 s at 90%, 3 workers 37.1 s at 100%, 5: 42.5 s at 96.7%, 7: 44.5 s
        // at 66.7%, one run each, fixed order, and every 50/50 row showing 0 cached.
        var scenarios = new ArrayList<ScenarioResult>();
        scenarios.add(scenario(1, b -> b.successes(27).fresh(27).errors(Map.of(ErrorCategory.NOT_FOUND, 3L)), 181.4));
        scenarios.add(scenario(2, b -> b.cached(0).fresh(30), 181.0));
        scenarios.add(scenario(3, b -> b, 37.1));
        scenarios.add(scenario(5, b -> b.successes(29).fresh(29).errors(Map.of(ErrorCategory.INTERNAL, 1L)), 42.5));
        scenarios.add(scenario(7, b -> b.successes(20).fresh(20).errors(Map.of(ErrorCategory.INTERNAL, 10L)), 44.5));
        var results = new RunResults(Fixtures.realMetadata(1).warmup(false).build(), scenarios);
        var evaluation = RunEvaluator.evaluate(results);
        assertAll(
                () -> assertTrue(flagged(evaluation, SanityCheck.SUPER_LINEAR_SPEEDUP, 3)),
                () -> assertTrue(flagged(evaluation, SanityCheck.LOW_BASELINE_SUCCESS, 1)),
                () -> assertTrue(flagged(evaluation, SanityCheck.LOW_SUCCESS, 7)),
                () -> assertTrue(flagged(evaluation, SanityCheck.CACHED_MISMATCH, 2)),
                () -> assertTrue(flagged(evaluation, SanityCheck.NO_WARMUP, null)),
                () -> assertFalse(evaluation.criterion(Criterion.ERROR_HANDLING).passed()),
                () -> assertEquals(Decision.NO_GO, evaluation.decision()),
                () -> assertEquals(5, evaluation.workers().maxSafe()),
                () -> assertEquals(3, evaluation.workers().recommended()));
    }

    @Test
    void superLinearNeedsMoreThanFivePercentAboveTheWorkers() {
        var justBelow = RunEvaluator.evaluate(replace(Fixtures.go(), scenario(3, b -> b, spread(60.0 / 3.1, 3))));
        assertFalse(justBelow.sanityFlags().stream().anyMatch(f -> f.check() == SanityCheck.SUPER_LINEAR_SPEEDUP));
        var above = RunEvaluator.evaluate(replace(Fixtures.go(), scenario(3, b -> b, spread(60.0 / 3.2, 3))));
        assertTrue(flagged(above, SanityCheck.SUPER_LINEAR_SPEEDUP, 3));
    }

    @Test
    void recommendationTakesALargerCountOnlyForTenPercentMoreSpeedup() {
        // Speedups 1, 2.8, 3.0, 3.4: 5 gains 7% over 3 (not enough), 7 gains 21% over 3 (taken).
        var results = speedups(Map.of(3, 2.8, 5, 3.0, 7, 3.4));
        var workers = RunEvaluator.evaluate(results).workers();
        assertEquals(7, workers.recommended());
        assertEquals(7, workers.maxSafe());
        assertTrue(workers.rationale().contains("5 workers (3.00x) gains 7% over 3 workers: not enough."),
                workers.rationale());
        assertEquals(3, RunEvaluator.evaluate(speedups(Map.of(3, 2.8, 5, 3.0, 7, 3.05))).workers().recommended());
    }

    @Test
    void recommendationStopsBelowTheFirstCountWith429s() {
        var results = withScenario(speedups(Map.of(3, 2.8, 5, 3.5, 7, 4.5)), 6, b -> b.http429(1).retries(1), 1.0);
        var workers = RunEvaluator.evaluate(results).workers();
        assertEquals(3, workers.recommended());
        assertEquals(7, workers.maxSafe());
        assertTrue(workers.rationale().contains("Nothing at or above 5 workers is considered"), workers.rationale());
    }

    @Test
    void evaluationIsDeterministic() {
        assertEquals(RunEvaluator.evaluate(Fixtures.go()), RunEvaluator.evaluate(Fixtures.go()));
    }

    // --- helpers ---

    private static void assertOnlyFails(Evaluation evaluation, Criterion failing) {
        for (var result : evaluation.criteria()) {
            assertEquals(result.criterion() != failing, result.passed(), result.criterion() + ": " + result.detail());
        }
        assertEquals(Decision.NO_GO, evaluation.decision());
        assertEquals(List.of("Address: " + failing.failTitle()), evaluation.actions());
        assertFalse(evaluation.criterion(failing).detail().isBlank());
    }

    private static boolean flagged(Evaluation evaluation, SanityCheck check, Integer test) {
        return evaluation.sanityFlags().stream()
                .anyMatch(f -> f.check() == check && java.util.Objects.equals(f.test(), test));
    }

    private static void assertFinite(RunResults results, Evaluation evaluation) {
        var markdown = MarkdownRenderer.render(results, evaluation);
        var json = JsonReportRenderer.render(results, evaluation);
        for (var text : List.of(markdown, json)) {
            assertFalse(text.contains("NaN"));
            assertFalse(text.contains("Infinity"));
        }
    }

    /** The healthy matrix with these empty-cache speedups (50/50 rows scaled alike). */
    private static RunResults speedups(Map<Integer, Double> speedupByWorkers) {
        var scenarios = new ArrayList<ScenarioResult>();
        for (int test = 1; test <= 8; test++) {
            int workers = (int) Fixtures.MATRIX.get(test - 1)[1];
            var state = (CacheState) Fixtures.MATRIX.get(test - 1)[2];
            double base = state == CacheState.EMPTY ? 60.0 : 31.0;
            double seconds = workers == 1 ? base : base / speedupByWorkers.get(workers);
            scenarios.add(scenario(test, b -> b, seconds));
        }
        return new RunResults(Fixtures.realMetadata(1).build(), scenarios);
    }

    private static RunResults withScenario(RunResults results, int test, UnaryOperator<Repetition.Builder> tweak,
            double timeScale) {
        int reps = results.scenario(test).orElseThrow().repetitions().size();
        var seconds = spread(Fixtures.HEALTHY_SECONDS[test - 1] * timeScale, reps);
        return replace(results, scenario(test, tweak, seconds));
    }

    private static RunResults replace(RunResults results, ScenarioResult replacement) {
        var scenarios = results.scenarios().stream()
                .map(s -> s.test() == replacement.test() ? replacement : s)
                .toList();
        return new RunResults(results.metadata(), scenarios);
    }

    private static RunResults without(RunResults results, int test) {
        RunMetadata metadata = results.metadata();
        return new RunResults(metadata, results.scenarios().stream().filter(s -> s.test() != test).toList());
    }
}
