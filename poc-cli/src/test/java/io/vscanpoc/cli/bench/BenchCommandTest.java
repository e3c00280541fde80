package io.vscanpoc.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameters;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class BenchCommandTest {

    private static final Set<String> KEYS = Set.of("items", "workers", "latencyMs", "wallSeconds",
            "idealSeconds", "efficiency", "peakConcurrency", "overheadMicrosPerTask", "peakHeapMb",
            "platformThreadsWallSeconds");

    @TempDir
    Path dir;

    private static BenchCommand parse(String... args) {
        var command = new BenchCommand();
        JCommander.newBuilder().addObject(command).build().parse(args);
        return command;
    }

    private static String run(BenchCommand command) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertEquals(ExitCode.GO, command.run(out, out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void isTheBenchSubcommand() {
        var parameters = BenchCommand.class.getAnnotation(Parameters.class);
        assertEquals("bench", parameters.commandNames()[0]);
        assertTrue(!parameters.commandDescription().isBlank());
    }

    @Test
    void writesExactlyTheContractKeysAndPrintsASummary() throws Exception {
        Path json = dir.resolve("out/bench.json");
        String output = run(parse("--items", "40", "--workers", "8", "--latency-ms", "1", "--warm-up-ms", "0",
                "--repeat", "2", "--json", json.toString()));
        assertTrue(output.startsWith("bench: 40 items, 8 workers, 1 ms latency per item (medians of 2 runs)"), output);
        assertTrue(output.contains("efficiency"), output);

        var root = JsonMapper.builder().build().readTree(Files.readString(json));
        var keys = new HashSet<String>();
        root.propertyNames().forEach(keys::add);
        assertEquals(KEYS, keys);
        assertEquals(40, root.get("items").asInt());
        assertEquals(8, root.get("workers").asInt());
        assertEquals(1, root.get("latencyMs").asInt());
        assertEquals(0.005, root.get("idealSeconds").asDouble(), 1e-12);
        assertTrue(root.get("peakConcurrency").asInt() <= 8);
        assertTrue(root.get("platformThreadsWallSeconds").isNumber());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--items      | 0      | --items must be at least 1, got 0",
        "--workers    | 0      | --workers must be between 1 and 100000, got 0",
        "--workers    | 100001 | --workers must be between 1 and 100000, got 100001",
        "--latency-ms | -1     | --latency-ms must not be negative, got -1",
        "--warm-up-ms | -5     | --warm-up-ms must not be negative, got -5",
        "--repeat     | 0      | --repeat must be between 1 and 100, got 0"
    })
    void rejectsOutOfRangeFlagsWithOneLine(String flag, String value, String message) {
        var command = parse(flag, value);
        var e = assertThrows(UsageException.class, () -> command.run(System.out, System.err));
        assertEquals(message, e.getMessage());
    }

    @Test
    void anUnwritableJsonPathIsAUsageError() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("taken"));
        var command = parse("--items", "2", "--workers", "2", "--latency-ms", "0", "--warm-up-ms", "0",
                "--json", directory.toString());
        var bytes = new ByteArrayOutputStream();
        var e = assertThrows(UsageException.class,
                () -> command.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err));
        assertTrue(e.getMessage().startsWith("cannot write --json file " + directory), e.getMessage());
    }
}
