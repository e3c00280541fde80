package io.vscanpoc.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole PoC, end to end: shaded jar, simulator over loopback, SQLite file, report files. */
class SimulatedRunIT {

    @TempDir
    Path dir;

    @Test
    void theDefaultMatrixWritesBothFilesAndTheHalfCachedRowsAreExactlyHalf() throws Exception {
        Path report = dir.resolve("out/report.md");
        var result = PocJar.run(dir, Duration.ofMinutes(3),
                "--simulate", "--cache-dir", dir.resolve("cache").toString(), "--report", report.toString());

        assertTrue(result.exitCode() == 0 || result.exitCode() == 1, "GO or NO-GO, got " + result.exitCode() + "\n" + result.stderr());
        assertFalse(result.stderr().contains("WARNING"), "no JVM warnings: " + result.stderr());
        assertFalse(result.stdout().contains("\u001b["), "output to a pipe carries no control codes");
        assertTrue(result.stdout().lines().limit(5).anyMatch(l -> l.contains("SIMULATED")), "simulated on its first lines");

        String markdown = Files.readString(report);
        assertTrue(markdown.lines().findFirst().orElseThrow().contains("SIMULATED"), "simulated in the title");
        long resultRows = markdown.lines().dropWhile(l -> !l.startsWith("## Results Table"))
                .skip(1).dropWhile(l -> !l.startsWith("|")).takeWhile(l -> l.startsWith("|")).count() - 2;
        assertEquals(8, resultRows, "one row per scenario in the Results Table");

        JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("out/report.json").toFile());
        assertTrue(json.path("simulated").asBoolean());
        assertEquals(8, json.path("scenarios").size());
        for (JsonNode scenario : json.path("scenarios")) {
            // The 15 misses go to the API. At 7 workers the vscan profile's rate limit can beat the
            // retries for a scan or two, so "fresh" counts the misses that also succeeded.
            int failed = 30 - scenario.path("successes").asInt();
            boolean half = scenario.path("cacheState").asString().equals("50/50");
            assertEquals(half ? 15 : 0, scenario.path("cached").asInt(), scenario.toString());
            assertEquals(half ? 15 : 30, scenario.path("fresh").asInt() + failed, scenario.toString());
            if (scenario.path("workers").asInt() <= 3) {
                assertEquals(0, failed, "up to 3 workers stay under the simulated limit: " + scenario);
            }
            assertTrue(scenario.path("integrityOk").asBoolean(), scenario.toString());
        }
        String decision = json.path("decision").asString();
        assertEquals(result.exitCode() == 0 ? "GO" : "NO-GO", decision, "the exit code follows the decision");
        assertTrue(result.stdout().contains("Decision: " + decision));
        assertTrue(result.stdout().contains(report.getFileName().toString()), "the last line gives the report path");
    }
}
