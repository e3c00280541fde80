package io.vscanpoc.cli.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Every documented exit code, from the shaded jar. */
class ExitCodesIT {

    private static final Duration SHORT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Path smallList() throws IOException {
        Path list = dir.resolve("small.txt");
        Files.writeString(list, "ms-python.python\nesbenp.prettier-vscode\ngolang.go\nredhat.java\n");
        return list;
    }

    private String[] quick(String... more) throws IOException {
        var args = new java.util.ArrayList<>(List.of("--simulate", "--sim-profile", "ideal", "--no-warmup",
                "--time-scale", "0.01", "--extensions", smallList().toString(),
                "--cache-dir", dir.resolve("cache").toString(), "--report", dir.resolve("r.md").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void helpAndVersionExitZero() throws Exception {
        var help = PocJar.run(dir, SHORT, "--help");
        assertEquals(0, help.exitCode());
        for (String flag : List.of("--simulate", "--workers", "--cache-states", "--repetitions", "--order", "--from-vscode",
                "--max-requests", "--time-scale", "--sim-profile", "discover", "bench", "cache", "sim")) {
            assertTrue(help.stdout().contains(flag), "--help lists " + flag);
        }
        assertEquals(0, PocJar.run(dir, SHORT, "--version").exitCode());
    }

    @Test
    void aUsageErrorIsOneLinePlusTheHintAndExitTwo() throws Exception {
        var result = PocJar.run(dir, SHORT, "--simulate", "--workers", "0");
        assertEquals(2, result.exitCode());
        var lines = result.stderr().lines().toList();
        assertEquals(2, lines.size(), result.stderr());
        assertTrue(lines.get(0).startsWith("vscan-poc: --workers"), lines.get(0));
        assertTrue(lines.get(1).contains("--help"));
        assertFalse(Files.exists(dir.resolve("docs")), "nothing written");
    }

    @Test
    void aCacheDirectoryThatIsAFileIsARuntimeFailure() throws Exception {
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x");
        var result = PocJar.run(dir, SHORT, "--simulate", "--cache-dir", file.toString(), "--report", dir.resolve("r.md").toString());
        assertEquals(3, result.exitCode(), result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertFalse(Files.exists(dir.resolve("r.md")));
    }

    @Test
    void anUnreachableApiBeforeAnyResultIsExitThree() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var result = PocJar.run(dir, SHORT, "--api-url", "http://127.0.0.1:" + closedPort + "/api/extensions",
                "--time-scale", "0.01", "--extensions", smallList().toString(), "--workers", "1", "--cache-states", "empty",
                "--cache-dir", dir.resolve("cache").toString(), "--report", dir.resolve("r.md").toString());
        assertEquals(3, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("unreachable"), result.stderr());
    }

    @Test
    void aCompleteSmallRunExitsWithItsDecision() throws Exception {
        var result = PocJar.run(dir, SHORT, quick("--workers", "1,3"));
        var json = JsonMapper.builder().build().readTree(dir.resolve("r.json").toFile());
        assertEquals(json.path("decision").asString().equals("GO") ? 0 : 1, result.exitCode(), result.stderr());
        assertEquals(4, json.path("scenarios").size());
    }

    @Test
    void ctrlCCancelsCleanlyWritesAPartialReportAndExits130() throws Exception {
        Path report = dir.resolve("partial.md");
        try (var running = PocJar.start(dir, List.of("--simulate", "--no-warmup", "--time-scale", "0.05",
                "--cache-dir", dir.resolve("cache").toString(), "--report", report.toString()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> running.stdoutSoFar().contains("Test 3/8"));
            new ProcessBuilder("kill", "-INT", Long.toString(running.process.pid())).inheritIO().start().waitFor();
            var result = running.await(Duration.ofSeconds(30));
            assertEquals(130, result.exitCode(), result.stderr());
            assertFalse(result.stderr().contains("Exception"), result.stderr());
        }
        String markdown = Files.readString(report);
        assertTrue(markdown.toLowerCase(java.util.Locale.ROOT).contains("partial"), "labelled partial");
        var json = JsonMapper.builder().build().readTree(dir.resolve("partial.json").toFile());
        assertEquals("NO-GO", json.path("decision").asString(), "a partial run is never GO");
        assertTrue(json.path("scenarios").size() >= 2 && json.path("scenarios").size() < 8, json.path("scenarios").toString());
        var check = PocJar.run(dir, SHORT, "cache", "check", "--cache-dir", dir.resolve("cache").toString());
        assertEquals(0, check.exitCode(), "the cache is intact after Ctrl-C: " + check.stdout() + check.stderr());
    }

    @Test
    void invalidIdsNameTheLineAndNothingIsSent() throws Exception {
        Path list = dir.resolve("bad.txt");
        Files.writeString(list, "ms-python.python\n../etc.passwd\n");
        var result = PocJar.run(dir, SHORT, "--simulate", "--extensions", list.toString(), "--cache-dir",
                dir.resolve("cache").toString(), "--report", dir.resolve("r.md").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().contains("line 2"), result.stderr());
        assertFalse(Files.exists(dir.resolve("cache")), "validation happens before the cache is even opened");
    }

    @Test
    void fromVscodeScansTheInstalledExtensions() throws Exception {
        Path extensions = dir.resolve("vscode/extensions");
        for (String id : List.of("ms-python.python", "golang.go", "redhat.java")) {
            Path folder = extensions.resolve(id + "-1.0.0");
            Files.createDirectories(folder);
            String[] parts = id.split("\\.");
            Files.writeString(folder.resolve("package.json"),
                    "{\"publisher\":\"" + parts[0] + "\",\"name\":\"" + parts[1] + "\",\"version\":\"1.0.0\"}");
        }
        var result = PocJar.run(dir, SHORT, "--simulate", "--sim-profile", "ideal", "--no-warmup", "--time-scale", "0.01",
                "--from-vscode", extensions.toString(), "--workers", "1,3", "--cache-dir", dir.resolve("cache").toString(),
                "--report", dir.resolve("r.md").toString());
        assertTrue(result.exitCode() <= 1, result.stderr());
        assertTrue(result.stdout().contains("Test dataset: 3 extensions"), result.stdout());
        assertTrue(result.stdout().contains("golang.go"));
    }
}
