package io.vscanpoc.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.report.Fixtures;
import io.vscanpoc.report.evaluation.RunEvaluator;
import io.vscanpoc.report.model.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural properties every rendered report must have, whatever the data. */
class MarkdownStructureTest {

    private static final List<String> BRIEF_SECTIONS = List.of(
            "## Test Environment", "## Results Table", "## Error Breakdown", "## Performance Analysis",
            "## Rate Limit Findings", "## SQLite Concurrency", "## Real-World Impact", "## Go/No-Go Decision",
            "## Recommendations and Next Steps");

    static Stream<Arguments> models() {
        return Stream.concat(Fixtures.namedModels(), Stream.of(
                Arguments.of("nothing finished", (Supplier<RunResults>) () -> new RunResults(
                        Fixtures.realMetadata(1).partial(true).build(), List.of())),
                Arguments.of("pipes in data", (Supplier<RunResults>) () -> new RunResults(
                        Fixtures.simulatedMetadata(1, 0).simulated("odd|profile", Map.of("note", "a|b\nc")).build(),
                        Fixtures.healthyMatrix(1, 1.0, Fixtures::withGroundTruth)))));
    }

    private static String render(Supplier<RunResults> model) {
        var results = model.get();
        return MarkdownRenderer.render(results, RunEvaluator.evaluate(results), "chart.svg");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyTableRowHasTheHeadersColumnCount(String name, Supplier<RunResults> model) {
        var tables = tables(render(model));
        assertFalse(tables.isEmpty());
        for (var table : tables) {
            int columns = cells(table.getFirst()).size();
            assertTrue(table.size() >= 2, "a table has a header and a separator: " + table);
            assertTrue(cells(table.get(1)).stream().allMatch(c -> c.matches(":?-{3,}:?")), "separator row: "
                    + table.get(1));
            for (var row : table) {
                assertEquals(columns, cells(row).size(), "row of a " + columns + "-column table: " + row);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sectionsFollowTheBriefsOrderWithMethodAndSanityChecks(String name, Supplier<RunResults> model) {
        var markdown = render(model);
        int previous = -1;
        for (var section : BRIEF_SECTIONS) {
            int at = markdown.indexOf("\n" + section + "\n");
            assertTrue(at > previous, section + " missing or out of order");
            previous = at;
        }
        assertTrue(markdown.contains("\n## Method\n"));
        assertTrue(markdown.contains("\n## Sanity Checks\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void noNonFiniteNumberReachesTheReport(String name, Supplier<RunResults> model) {
        var markdown = render(model);
        assertFalse(markdown.contains("NaN"));
        assertFalse(markdown.contains("Infinity"));
        assertFalse(markdown.contains("null"));
    }

    @Test
    void resultsTableHasExactlyOneRowPerScenario() {
        assertEquals(8, resultsRows(render(Fixtures::go)));
        assertEquals(8, resultsRows(render(Fixtures::noGo)));
        assertEquals(3, resultsRows(render(Fixtures::partial)));
    }

    @Test
    void simulatedRunSaysSoInItsTitleAndFirstLines() {
        var lines = render(Fixtures::simulated).lines().toList();
        assertTrue(lines.getFirst().startsWith("# ") && lines.getFirst().contains("(SIMULATED)"));
        assertTrue(lines.get(2).startsWith("> ") && lines.get(2).contains("SIMULATED RUN"));
        assertTrue(lines.get(2).contains("not from vscan.dev"));
        assertFalse(render(Fixtures::go).contains("SIMULATED"));
    }

    @Test
    void partialRunIsLabelledPartialAtTheTop() {
        var head = String.join("\n", render(Fixtures::partial).lines().limit(6).toList());
        assertTrue(head.contains("(PARTIAL)"));
        assertTrue(head.contains("PARTIAL RUN"));
        assertTrue(head.contains("3 of 8 planned scenarios"));
    }

    @Test
    void decisionIsStatedAsTheBriefDoes() {
        var go = render(Fixtures::go);
        assertTrue(go.contains("\n### **Decision: GO ✓**\n"));
        assertTrue(go.contains("**Recommended worker count for production:** 5 workers"));
        var noGo = render(Fixtures::noGo);
        assertTrue(noGo.contains("\n### **Decision: NO-GO ✗**\n"));
        assertTrue(noGo.contains("- Address: Rate limit errors with 3 workers\n"));
        assertTrue(noGo.contains("- ✗ Speedup below target: 1.50x < 2.5x"));
    }

    @Test
    void chartIsAMermaidBlockWithTheMeasuredAndIdealLines() {
        var markdown = render(Fixtures::go);
        int start = markdown.indexOf("```mermaid\nxychart-beta\n");
        assertTrue(start >= 0);
        var block = markdown.substring(start, markdown.indexOf("```\n", start + 3));
        assertTrue(block.contains("line [1.00, 2.73, 4.00, 4.23]"));
        assertTrue(block.contains("line [1, 3, 5, 7]"));
        assertTrue(markdown.contains("](chart.svg)"));
    }

    private static int resultsRows(String markdown) {
        var section = markdown.substring(markdown.indexOf("## Results Table"), markdown.indexOf("## Error Breakdown"));
        return tables(section).getFirst().size() - 2;
    }

    /** Every run of consecutive lines starting with a pipe. */
    static List<List<String>> tables(String markdown) {
        var tables = new ArrayList<List<String>>();
        List<String> current = null;
        for (var line : markdown.lines().toList()) {
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        return tables;
    }

    /** The cells of a row, split on pipes that are not escaped. */
    static List<String> cells(String row) {
        assertTrue(row.startsWith("|") && row.endsWith("|"), "row must start and end with a pipe: " + row);
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }
}
