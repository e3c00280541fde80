package io.vscanpoc.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vscanpoc.report.evaluation.RunEvaluator;
import io.vscanpoc.report.model.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered Markdown of fixed models, compared with reviewed golden files. After an intended
 * change, regenerate with {@code -Dgolden.update=true}, read the diff, and commit the new files.
 */
class MarkdownGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");


    @ParameterizedTest(name = "{0}")
    @MethodSource("io.vscanpoc.report.Fixtures#namedModels")
    void markdownMatchesGoldenFile(String name, Supplier<RunResults> model) throws IOException {
        var results = model.get();
        var markdown = MarkdownRenderer.render(results, RunEvaluator.evaluate(results), name + "-speedup.svg");
        var golden = GOLDEN.resolve(name + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, markdown, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), markdown,
                "rendered Markdown differs from " + golden + " (regenerate with -Dgolden.update=true after review)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.vscanpoc.report.Fixtures#namedModels")
    void svgMatchesGoldenFile(String name, Supplier<RunResults> model) throws IOException {
        var svg = SpeedupChart.of(RunEvaluator.evaluate(model.get())).svg();
        var golden = GOLDEN.resolve(name + "-speedup.svg");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, svg, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), svg);
    }
}
