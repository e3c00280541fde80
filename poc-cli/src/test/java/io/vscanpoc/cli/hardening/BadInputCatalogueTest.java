package io.vscanpoc.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vscanpoc.cli.hardening.BadInputCases.BadInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every case of the bad-input catalogue, run in-process through {@code Main.run}: one clear line,
 * the documented exit code, nothing written, nothing sent. {@code BadInputJarIT} runs a sample of
 * the same cases through the shaded jar.
 */
class BadInputCatalogueTest {

    @RegisterExtension
    static final CatalogueWorkspace workspace = new CatalogueWorkspace();

    @TempDir
    Path dir;

    static Stream<BadInput> cases() {
        return BadInputCases.all().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void isRefusedWithOneLineTheDocumentedExitCodeAndNoSideEffects(BadInput c) {
        workspace.assertRefused(c, dir, CliRun::inProcess);
    }

    @Test
    void aCorruptCacheDbOfRandomBytesIsMovedAsideWholeAndTheRunGoesOn() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        runOnCorruptCache(garbage, BadInputCases.CORRUPT_WARNING);
    }

    @Test
    void aCorruptCacheDbWithAnSqliteHeaderIsMovedAsideWholeAndTheRunGoesOn() throws Exception {
        byte[] garbage = new byte[16 + 8 * 1024];
        new Random(8).nextBytes(garbage);
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 16);
        runOnCorruptCache(garbage, BadInputCases.CORRUPT_WITH_HEADER_WARNING);
    }

    private void runOnCorruptCache(byte[] content, String warning) throws IOException {
        Map<String, String> values = workspace.prepare(dir);
        Path cache = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(cache.resolve("cache.db"), content);
        Path list = Files.writeString(dir.resolve("two.txt"), "ms-python.python\ngolang.go\n");
        Path report = dir.resolve("out/report.md");

        CliRun run = CliRun.inProcess(List.of("--simulate", "--sim-profile", "ideal", "--no-warmup", "--time-scale", "0.005",
                "--workers", "1", "--cache-states", "empty", "--extensions", list.toString(),
                "--cache-dir", cache.toString(), "--report", report.toString()));

        var decision = JsonMapper.builder().build().readTree(dir.resolve("out/report.json").toFile()).path("decision").asString();
        assertEquals(decision.equals("GO") ? 0 : 1, run.exitCode(), "the run completes with its decision: " + run.stderr());
        assertEquals(1, run.stderrLines().size(), "one warning line: " + run.stderr());
        String pattern = Pattern.quote(BadInputCases.fill(warning, values)).replace("<timestamp>", "\\E(\\d{8}T\\d{6}Z)\\Q");
        var matcher = Pattern.compile(pattern).matcher(run.stderrLines().getFirst());
        assertTrue(matcher.matches(), run.stderrLines().getFirst());
        Path movedAside = cache.resolve("cache.db.corrupt-" + matcher.group(1));
        assertArrayEquals(content, Files.readAllBytes(movedAside), "the damaged file is kept whole, only renamed");
        assertTrue(Files.size(cache.resolve("cache.db")) > 0, "a fresh cache took its place");
        assertTrue(Files.exists(report), "the report was written");
    }

    @Test
    void aFlagValueThatIsTheWordHelpIsAValueNotARequestForHelp() {
        workspace.prepare(dir);
        var before = BadInputCases.tree(dir);
        CliRun run = CliRun.inProcess(List.of("--simulate", "--extensions", "help", "--cache-dir", dir.resolve("cache").toString(),
                "--report", dir.resolve("out/report.md").toString()));
        assertEquals(List.of("vscan-poc: extensions file help does not exist", BadInputCases.HINT), run.stderrLines());
        assertEquals(2, run.exitCode());
        assertEquals(before, BadInputCases.tree(dir));

        CliRun help = CliRun.inProcess(List.of("help"));
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("Usage: vscan-poc"), help.stdout());
        CliRun commandHelp = CliRun.inProcess(List.of("cache", "help"));
        assertEquals(0, commandHelp.exitCode());
        assertTrue(commandHelp.stdout().contains("--cache-dir"), commandHelp.stdout());
    }

    @Test
    void theCatalogueIsLargeEnoughAndCoversEveryKindOfInput() {
        var groups = BadInputCases.all().stream().map(BadInput::group).distinct().toList();
        assertEquals(List.of("Extension IDs", "Flags", "Files", "Cache directory", "--api-url"), groups);
        assertTrue(BadInputCases.all().size() + 2 >= 30, "at least 30 cases");
    }

    @Test
    void docsBadInputsHoldsExactlyThisCatalogue() throws IOException {
        Path doc = Path.of("..", "docs", "bad-inputs.md");
        String table = BadInputCases.markdownTable();
        String text = Files.exists(doc) ? Files.readString(doc) : "";
        int begin = text.indexOf("<!-- catalogue:begin -->\n");
        int end = text.indexOf("<!-- catalogue:end -->");
        String documented = begin < 0 || end < begin ? "" : text.substring(begin + "<!-- catalogue:begin -->\n".length(), end);
        if (!documented.equals(table)) {
            Path rendered = Path.of("target", "bad-inputs-table.md");
            Files.createDirectories(rendered.getParent());
            Files.writeString(rendered, table);
            fail("docs/bad-inputs.md is out of date with BadInputCases; the current table is in " + rendered.toAbsolutePath());
        }
        assertFalse(table.isBlank());
    }

}
