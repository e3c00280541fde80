package io.vscanpoc.cli.run;

import io.vscanpoc.cli.input.ExtensionList;
import io.vscanpoc.cli.options.MatrixOptions;
import io.vscanpoc.report.model.Environment;
import io.vscanpoc.report.model.RunMetadata;
import io.vscanpoc.report.model.RunResults;
import io.vscanpoc.report.model.ScenarioOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns what a matrix run measured into the report's model; it computes nothing of its own. */
final class RunResultsAssembler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private RunResultsAssembler() {}

    static RunResults assemble(
            Target target,
            ExtensionList list,
            MatrixOptions matrix,
            List<Scenario> order,
            MatrixRun.Result result,
            Instant started,
            Instant ended) {
        long scenarioRequests = result.scenarios().stream()
                .flatMap(s -> s.repetitions().stream())
                .mapToLong(r -> r.requests())
                .sum();
        List<Integer> tests = order.stream().map(Scenario::test).toList();
        var metadata = RunMetadata.builder()
                .apiUrl(target.apiUrl().toString())
                .environment(Environment.current())
                .datasetSize(list.size())
                .startedAt(started)
                .endedAt(ended)
                .totalRequests(result.warmupRequests() + result.fillRequests() + scenarioRequests)
                .warmup(result.warmedUp())
                .order(matrix.shuffled() ? ScenarioOrder.shuffled(tests) : ScenarioOrder.fixed(tests))
                .repetitions(matrix.repetitions)
                .timeScale(target.scale().factor())
                .partial(result.interrupted());
        if (target.simulated()) {
            metadata.simulated(target.simulatorConfig().profile(), asMap(target.simulatorConfig()));
            metadata.groundTruth(asMap(target.groundTruth().orElseThrow()));
        }
        return new RunResults(metadata.build(), result.scenarios());
    }

    /** The simulator's records as plain maps for the report; their own JSON shape, nothing renamed. */
    static Map<String, Object> asMap(Object value) {
        try {
            return JSON.convertValue(value, MAP);
        } catch (JacksonException e) {
            return Map.of("description", String.valueOf(value));
        }
    }
}
