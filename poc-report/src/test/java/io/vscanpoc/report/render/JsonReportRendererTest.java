package io.vscanpoc.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.report.Fixtures;
import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.evaluation.RunEvaluator;
import io.vscanpoc.report.model.ErrorGroup;
import io.vscanpoc.report.model.RunResults;
import java.util.ArrayList;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON is written, read back through Jackson, and compared key by key with the evaluation. */
class JsonReportRendererTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final Set<String> TOP_LEVEL = Set.of("simulated", "decision", "recommendedWorkers",
            "maxSafeWorkers", "scenarios", "criteria", "sanityFlags", "simulator", "environment", "partial", "method");
    private static final Set<String> SCENARIO = Set.of("test", "workers", "cacheState", "repetitions", "cached",
            "fresh", "durationSeconds", "speedup", "successRate", "http429", "errors", "requests", "integrityOk",
            "latencyMs");
    private static final Set<String> ERRORS =
            Set.of("rateLimit", "timeout", "server", "sqlite", "network", "malformed", "notFound", "other");


    @ParameterizedTest(name = "{0}")
    @MethodSource("io.vscanpoc.report.Fixtures#namedModels")
    void roundTripKeepsEveryContractKeyAndValue(String name, Supplier<RunResults> model) {
        var results = model.get();
        var evaluation = RunEvaluator.evaluate(results);
        JsonNode root = MAPPER.readTree(JsonReportRenderer.render(results, evaluation));

        assertTrue(names(root).containsAll(TOP_LEVEL), "top level: " + names(root));
        assertEquals(results.metadata().simulated(), root.get("simulated").asBoolean());
        assertEquals(results.metadata().partial(), root.get("partial").asBoolean());
        assertEquals(evaluation.decision().label(), root.get("decision").stringValue());
        assertNullableInt(evaluation.workers().recommended(), root.get("recommendedWorkers"));
        assertNullableInt(evaluation.workers().maxSafe(), root.get("maxSafeWorkers"));
        assertEquals(results.metadata().environment().cores(), root.get("environment").get("cores").asInt());
        assertEquals(results.metadata().environment().javaVersion(), root.get("environment").get("javaVersion").stringValue());

        var scenarios = root.get("scenarios");
        assertEquals(evaluation.scenarios().size(), scenarios.size());
        for (int i = 0; i < scenarios.size(); i++) {
            assertScenario(evaluation, i, scenarios.get(i));
        }

        var criteria = root.get("criteria");
        assertEquals(evaluation.criteria().size(), criteria.size());
        for (int i = 0; i < criteria.size(); i++) {
            var expected = evaluation.criteria().get(i);
            var node = criteria.get(i);
            assertEquals(expected.id(), node.get("id").stringValue());
            assertEquals(expected.passed(), node.get("passed").asBoolean());
            assertEquals(expected.detail(), node.get("detail").stringValue());
            assertEquals(expected.threshold(), node.get("threshold").asDouble());
            if (expected.measured() == null) {
                assertTrue(node.get("measured").isNull());
            } else {
                assertEquals(expected.measured(), node.get("measured").asDouble(), 1e-9);
            }
        }

        var flags = root.get("sanityFlags");
        assertEquals(evaluation.sanityFlags().size(), flags.size());
        for (int i = 0; i < flags.size(); i++) {
            assertEquals(evaluation.sanityFlags().get(i).check().id(), flags.get(i).get("id").stringValue());
            assertEquals(evaluation.sanityFlags().get(i).detail(), flags.get(i).get("detail").stringValue());
        }
        var actions = new ArrayList<String>();
        root.get("actions").forEach(a -> actions.add(a.stringValue()));
        assertEquals(evaluation.actions(), actions);

        if (results.metadata().simulated()) {
            // Through text, so Integer and Long values of the model compare as the JSON numbers they are.
            var expected = MAPPER.readTree(MAPPER.writeValueAsString(results.metadata().simulation().groundTruth()));
            assertEquals(expected, root.get("simulator"));
            assertEquals("vscan", root.get("simulatorProfile").get("profile").stringValue());
        } else {
            assertTrue(root.get("simulator").isNull());
        }
    }

    @Test
    void decisionIsGoOrNoGoExactly() {
        assertEquals("GO", decision(Fixtures.go()));
        assertEquals("NO-GO", decision(Fixtures.noGo()));
    }

    @Test
    void successRateIsAPercentage() {
        var results = Fixtures.noGo();
        var root = MAPPER.readTree(JsonReportRenderer.render(results, RunEvaluator.evaluate(results)));
        var test7 = root.get("scenarios").get(6);
        assertEquals(7, test7.get("test").asInt());
        assertEquals(66.67, test7.get("successRate").asDouble());
        assertEquals("empty", test7.get("cacheState").stringValue());
        assertEquals("50/50", root.get("scenarios").get(7).get("cacheState").stringValue());
        assertEquals(8, test7.get("errors").get("rateLimit").asInt());
        assertEquals(2, test7.get("errors").get("other").asInt());
        assertEquals(32, test7.get("http429").asInt());
    }

    @Test
    void outputIsPlainJsonWithoutNonFiniteNumbers() {
        var results = Fixtures.noGo();
        var json = JsonReportRenderer.render(results, RunEvaluator.evaluate(results));
        assertFalse(json.contains("NaN"));
        assertFalse(json.contains("Infinity"));
        assertTrue(json.endsWith("}\n"));
    }

    private static String decision(RunResults results) {
        return MAPPER.readTree(JsonReportRenderer.render(results, RunEvaluator.evaluate(results)))
                .get("decision").stringValue();
    }

    private static void assertScenario(Evaluation evaluation, int index, JsonNode node) {
        var s = evaluation.scenarios().get(index);
        assertTrue(names(node).containsAll(SCENARIO), "scenario keys: " + names(node));
        assertEquals(ERRORS, names(node.get("errors")));
        assertEquals(Set.of("p50", "p90", "p99", "max"), names(node.get("latencyMs")));
        assertEquals(s.test(), node.get("test").asInt());
        assertEquals(s.workers(), node.get("workers").asInt());
        assertEquals(s.cacheState().jsonName(), node.get("cacheState").stringValue());
        assertEquals(s.repetitions(), node.get("repetitions").asInt());
        assertEquals(s.cached(), node.get("cached").asLong());
        assertEquals(s.fresh(), node.get("fresh").asLong());
        assertEquals(s.duration().median(), node.get("durationSeconds").asDouble(), 0.0005);
        if (s.speedup() == null) {
            assertTrue(node.get("speedup").isNull());
        } else {
            assertEquals(s.speedup().median(), node.get("speedup").asDouble(), 0.0005);
        }
        assertEquals(s.successRate(), node.get("successRate").asDouble(), 0.005);
        assertEquals(s.http429(), node.get("http429").asLong());
        assertEquals(s.requests(), node.get("requests").asLong());
        assertEquals(s.integrityOk() && s.contentOk(), node.get("integrityOk").asBoolean());
        for (var group : ErrorGroup.values()) {
            assertEquals(s.errors(group), node.get("errors").get(group.jsonKey()).asLong(), group.name());
        }
        assertEquals(s.latency().p50().toNanos() / 1e6, node.get("latencyMs").get("p50").asDouble(), 0.05);
        assertEquals(s.latency().p99().toNanos() / 1e6, node.get("latencyMs").get("p99").asDouble(), 0.05);
        assertEquals(s.repetitions(), node.get("runs").size());
    }

    private static void assertNullableInt(Integer expected, JsonNode node) {
        if (expected == null) {
            assertTrue(node.isNull());
        } else {
            assertEquals(expected, node.asInt());
        }
    }

    private static Set<String> names(JsonNode node) {
        var names = new TreeSet<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }

}
