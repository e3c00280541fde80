package io.vscanpoc.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.report.evaluation.Decision;
import io.vscanpoc.report.evaluation.RunEvaluator;
import io.vscanpoc.report.render.MarkdownRenderer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesMarkdownJsonAndChartCreatingParentDirectories() throws Exception {
        var markdown = dir.resolve("docs/research/results.md");
        var json = ReportWriter.jsonPathFor(markdown);
        var evaluation = ReportWriter.write(Fixtures.go(), markdown, json);

        assertEquals(Decision.GO, evaluation.decision());
        assertEquals(dir.resolve("docs/research/results.json"), json);
        var chart = dir.resolve("docs/research/results-speedup.svg");
        assertTrue(Files.isRegularFile(chart));
        var text = Files.readString(markdown);
        assertEquals(MarkdownRenderer.render(Fixtures.go(), RunEvaluator.evaluate(Fixtures.go()), "results-speedup.svg"),
                text);
        assertEquals("GO", JsonMapper.builder().build().readTree(Files.readString(json)).get("decision").stringValue());
        assertWellFormedSvg(Files.readString(chart));
        assertEquals(List.of("results-speedup.svg", "results.json", "results.md"), listing(markdown.getParent()));
    }

    @Test
    void replacesAnEarlierReportWholeAndLeavesNoTemporaryFile() throws Exception {
        var markdown = dir.resolve("report.md");
        var json = dir.resolve("report.json");
        ReportWriter.write(Fixtures.go(), markdown, json);
        ReportWriter.write(Fixtures.noGo(), markdown, json);
        assertTrue(Files.readString(markdown).contains("### **Decision: NO-GO ✗**"));
        assertFalse(Files.readString(markdown).contains("Decision: GO"));
        assertEquals(List.of("report-speedup.svg", "report.json", "report.md"), listing(dir));
    }

    @Test
    void jsonMayLiveElsewhereAndTheChartCanBeLeftOut() throws Exception {
        var markdown = dir.resolve("a/report.md");
        var json = dir.resolve("b/c/out.json");
        ReportWriter.write(Fixtures.simulated(), markdown, json, null);
        assertTrue(Files.isRegularFile(json));
        assertEquals(List.of("report.md"), listing(markdown.getParent()));
        assertFalse(Files.readString(markdown).contains(".svg"));
    }

    @Test
    void chartLinkIsRelativeToTheReport() throws Exception {
        var markdown = dir.resolve("docs/report.md");
        ReportWriter.write(Fixtures.go(), markdown, dir.resolve("docs/report.json"), dir.resolve("img/chart.svg"));
        assertTrue(Files.readString(markdown).contains("](../img/chart.svg)"));
    }

    @Test
    void anUnwritableTargetIsAnIOExceptionAndLeavesWhatWasThere() throws Exception {
        var blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        var markdown = dir.resolve("report.md");
        Files.writeString(markdown, "previous report");
        assertThrows(IOException.class,
                () -> ReportWriter.write(Fixtures.go(), markdown, blocker.resolve("report.json")));
        assertEquals("previous report", Files.readString(markdown));
    }

    @Test
    void siblingPathsKeepTheBaseName() {
        assertEquals(Path.of("x/run.json"), ReportWriter.jsonPathFor(Path.of("x/run.md")));
        assertEquals(Path.of("x/run-speedup.svg"), ReportWriter.chartPathFor(Path.of("x/run.md")));
        assertEquals(Path.of("noext.json"), ReportWriter.jsonPathFor(Path.of("noext")));
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertWellFormedSvg(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        assertEquals(2, document.getElementsByTagName("polyline").getLength());
    }
}
