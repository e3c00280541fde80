package io.vscanpoc.report.render;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.evaluation.WorkerLevel;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.ErrorGroup;
import io.vscanpoc.report.model.LatencyPercentiles;
import io.vscanpoc.report.model.Repetition;
import io.vscanpoc.report.model.RunMetadata;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.render.internal.HeaderSection;
import io.vscanpoc.report.stats.Estimate;
import io.vscanpoc.report.stats.Interval;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a run and its evaluation as JSON. The keys are a contract other tools read (see
 * docs/report.md): top level {@code simulated}, {@code decision}, {@code recommendedWorkers},
 * {@code maxSafeWorkers}, {@code scenarios}, {@code criteria}, {@code sanityFlags},
 * {@code simulator}, {@code environment}, and more. The tree is built key by key rather than by
 * serialising the records, so renaming a Java field can never silently rename a key. Pure: no I/O.
 */
public final class JsonReportRenderer {

    /** Incremented when a key is removed or changes meaning; adding keys keeps the version. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReportRenderer() {}

    /** The JSON text, pretty-printed, ending in a newline. */
    public static String render(RunResults results, Evaluation evaluation) {
        return MAPPER.writeValueAsString(tree(results, evaluation)) + "\n";
    }

    /** The JSON tree. */
    public static ObjectNode tree(RunResults results, Evaluation evaluation) {
        var metadata = results.metadata();
        var root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("title", HeaderSection.TITLE + (metadata.simulated() ? " (SIMULATED)" : "")
                + (metadata.partial() ? " (PARTIAL)" : ""));
        root.put("simulated", metadata.simulated());
        root.put("partial", metadata.partial());
        root.put("decision", evaluation.decision().label());
        root.put("recommendedWorkers", evaluation.workers().recommended());
        root.put("maxSafeWorkers", evaluation.workers().maxSafe());
        root.put("recommendationRationale", evaluation.workers().rationale());
        root.set("run", run(metadata));
        root.set("method", method(metadata));
        root.set("environment", environment(metadata));
        root.set("simulatorProfile", metadata.simulated() ? simulatorProfile(metadata) : null);
        root.set("simulator", metadata.simulated() && metadata.simulation().groundTruth() != null
                ? MAPPER.valueToTree(metadata.simulation().groundTruth()) : null);
        var scenarios = root.putArray("scenarios");
        for (var summary : evaluation.scenarios()) {
            scenarios.add(scenario(summary, metadata.timeScale(), summary.test() == baseline(evaluation)));
        }
        var levels = root.putArray("workerLevels");
        for (var level : evaluation.workers().levels()) {
            levels.add(level(level));
        }
        var criteria = root.putArray("criteria");
        for (var criterion : evaluation.criteria()) {
            var node = criteria.addObject();
            node.put("id", criterion.id());
            var kind = criterion.criterion();
            node.put("title", criterion.passed() ? kind.passTitle() : kind.failTitle());
            node.put("passed", criterion.passed());
            node.put("measured", criterion.measured());
            node.put("threshold", criterion.threshold());
            node.put("comparison", criterion.criterion().atMost() ? "<=" : ">=");
            node.put("detail", criterion.detail());
        }
        var flags = root.putArray("sanityFlags");
        for (var flag : evaluation.sanityFlags()) {
            var node = flags.addObject();
            node.put("id", flag.check().id());
            node.put("title", flag.check().title());
            node.put("test", flag.test());
            node.put("detail", flag.detail());
        }
        var actions = root.putArray("actions");
        evaluation.actions().forEach(actions::add);
        return root;
    }

    private static int baseline(Evaluation evaluation) {
        return evaluation.baseline() == null ? -1 : evaluation.baseline();
    }

    private static ObjectNode run(RunMetadata metadata) {
        var node = MAPPER.createObjectNode();
        node.put("toolVersion", metadata.toolVersion());
        node.put("apiUrl", metadata.apiUrl());
        node.put("datasetSize", metadata.datasetSize());
        node.put("startedAt", metadata.startedAt().toString());
        node.put("endedAt", metadata.endedAt().toString());
        node.put("totalRequests", metadata.totalRequests());
        return node;
    }

    private static ObjectNode method(RunMetadata metadata) {
        var node = MAPPER.createObjectNode();
        node.put("warmup", metadata.warmup());
        node.put("order", metadata.order().mode().jsonName());
        var order = node.putArray("scenarioOrder");
        metadata.order().tests().forEach(order::add);
        node.put("repetitions", metadata.repetitions());
        node.put("timeScale", metadata.timeScale());
        node.put("durationsIn", "vscan seconds (measured wall-clock / timeScale)");
        node.put("interval", "95% percentile bootstrap of the median, fixed seed; null with fewer than 3 repetitions");
        return node;
    }

    private static ObjectNode environment(RunMetadata metadata) {
        var environment = metadata.environment();
        var node = MAPPER.createObjectNode();
        node.put("javaVersion", environment.javaVersion());
        node.put("javaVendor", environment.javaVendor());
        node.put("vmName", environment.vmName());
        node.put("osName", environment.osName());
        node.put("osVersion", environment.osVersion());
        node.put("arch", environment.arch());
        node.put("cores", environment.cores());
        return node;
    }

    private static ObjectNode simulatorProfile(RunMetadata metadata) {
        var node = MAPPER.createObjectNode();
        node.put("profile", metadata.simulation().profile());
        node.set("settings", MAPPER.valueToTree(metadata.simulation().settings()));
        return node;
    }

    private static ObjectNode scenario(ScenarioSummary s, double timeScale, boolean isBaseline) {
        var node = MAPPER.createObjectNode();
        node.put("test", s.test());
        node.put("workers", s.workers());
        node.put("cacheState", s.cacheState().jsonName());
        node.put("repetitions", s.repetitions());
        node.put("expectedCached", s.scenario().expectedCached());
        node.put("cached", s.cached());
        node.put("fresh", s.fresh());
        node.put("durationSeconds", Formats.round(s.duration().median(), 3));
        node.set("durationInterval", interval(s.duration(), 3));
        node.put("avgPerExtensionSeconds",
                s.avgPerExtensionSeconds() == null ? null : Formats.round(s.avgPerExtensionSeconds(), 3));
        node.put("speedup", s.speedup() == null ? null : Formats.round(s.speedup().median(), 3));
        node.set("speedupInterval", isBaseline ? null : interval(s.speedup(), 3));
        node.put("speedupNote", s.speedupNote());
        node.put("speedupSameCache",
                s.speedupSameCache() == null ? null : Formats.round(s.speedupSameCache().median(), 3));
        node.set("speedupSameCacheInterval", interval(s.speedupSameCache(), 3));
        node.put("successRate", Formats.round(s.successRate(), 2));
        node.put("successes", s.successes());
        node.put("inputs", s.inputs());
        node.put("http429", s.http429());
        node.put("retries", s.retries());
        var errors = node.putObject("errors");
        for (var group : ErrorGroup.values()) {
            errors.put(group.jsonKey(), s.errors(group));
        }
        var byCategory = node.putObject("errorsByCategory");
        for (var category : ErrorCategory.values()) {
            byCategory.put(category.name(), s.errors().get(category));
        }
        node.put("requests", s.requests());
        node.put("sqliteBusy", s.sqliteBusy());
        node.put("integrityOk", s.integrityOk() && s.contentOk());
        node.put("sqliteIntegrityOk", s.integrityOk());
        node.put("contentOk", s.contentOk());
        node.set("latencyMs", latency(s.latency()));
        var phases = node.putObject("phaseLatencyMs");
        phases.set("submit", latency(s.phases().submit()));
        phases.set("poll", latency(s.phases().poll()));
        phases.set("fetch", latency(s.phases().fetch()));
        var runs = node.putArray("runs");
        for (var rep : s.scenario().repetitions()) {
            runs.add(repetition(rep, timeScale));
        }
        return node;
    }

    private static ObjectNode repetition(Repetition rep, double timeScale) {
        var node = MAPPER.createObjectNode();
        node.put("durationSeconds", Formats.round(rep.duration().toNanos() / 1e9 / timeScale, 3));
        node.put("wallSeconds", Formats.round(rep.duration().toNanos() / 1e9, 3));
        node.put("inputs", rep.inputs());
        node.put("outcomes", rep.outcomes());
        node.put("successes", rep.successes());
        node.put("cached", rep.cached());
        node.put("fresh", rep.fresh());
        node.put("errors", rep.totalErrors());
        node.put("requests", rep.requests());
        node.put("http429", rep.http429());
        node.put("retries", rep.retries());
        node.put("sqliteBusy", rep.sqliteBusy());
        node.put("sqliteIntegrityOk", rep.cacheCheck().integrityOk());
        node.put("contentOk", rep.cacheCheck().contentOk());
        node.put("cacheCheckDetail", rep.cacheCheck().detail());
        node.put("statsAgree", rep.stats().agrees());
        node.put("statsDetail", rep.stats().detail());
        if (rep.simulator() == null) {
            node.putNull("simulator");
        } else {
            var simulator = node.putObject("simulator");
            simulator.put("requests", rep.simulator().requests());
            simulator.put("http429", rep.simulator().http429());
        }
        return node;
    }

    private static ObjectNode level(WorkerLevel level) {
        var node = MAPPER.createObjectNode();
        node.put("workers", level.workers());
        node.put("http429", level.http429());
        node.put("retries", level.retries());
        node.put("lowestSuccessRate", Formats.round(level.lowestSuccessRate(), 2));
        node.put("safe", level.safe());
        node.put("speedup", level.speedup() == null ? null : Formats.round(level.speedup().median(), 3));
        node.put("speedupBasis", level.speedupBasis());
        return node;
    }

    private static JsonNode interval(Estimate estimate, int decimals) {
        if (estimate == null || !estimate.hasInterval()) {
            return null;
        }
        Interval interval = estimate.interval();
        var node = MAPPER.createObjectNode();
        node.put("low", Formats.round(interval.low(), decimals));
        node.put("high", Formats.round(interval.high(), decimals));
        return node;
    }

    private static ObjectNode latency(LatencyPercentiles latency) {
        var node = MAPPER.createObjectNode();
        node.put("p50", millis(latency.p50()));
        node.put("p90", millis(latency.p90()));
        node.put("p99", millis(latency.p99()));
        node.put("max", millis(latency.max()));
        return node;
    }

    private static double millis(Duration duration) {
        return Formats.round(duration.toNanos() / 1e6, 1);
    }
}
