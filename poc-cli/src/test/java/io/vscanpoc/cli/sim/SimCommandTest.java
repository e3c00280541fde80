package io.vscanpoc.cli.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.beust.jcommander.JCommander;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** vscan-poc sim: parses its flags, serves on loopback, prints its URL, stops cleanly. */
class SimCommandTest {

    private static SimCommand parse(String... args) {
        var command = new SimCommand();
        var jc = JCommander.newBuilder().addCommand(command).build();
        jc.parse(args);
        assertEquals("sim", jc.getParsedCommand());
        return command;
    }

    @Test
    void parsesItsOwnAndTheSharedFlags() {
        SimCommand command = parse("sim", "--port", "8099", "--time-scale", "0.1", "--sim-profile", "strict",
                "--sim-seed", "3");
        assertEquals(8099, command.port);
        assertEquals(0.1, command.timeScale);
        assertEquals("strict", command.sim.profile);
        assertEquals(3L, command.sim.seed);
    }

    @Test
    void servesOnLoopbackPrintsTheBaseUrlAndStopsCleanly() throws Exception {
        SimCommand command = parse("sim", "--sim-profile", "ideal", "--sim-latency-ms", "0");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        var errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return command.run(outStream, errStream);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("\n"));
        String url = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/api/extensions"), url);

        var client = HttpClient.newHttpClient();
        var analyze = client.send(HttpRequest.newBuilder(URI.create(url + "/analyze"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"publisher\":\"ms-python\",\"name\":\"python\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, analyze.statusCode());
        var stats = client.send(HttpRequest.newBuilder(URI.create(url.replace("/api/extensions", "/__sim/stats")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(stats.body().contains("\"requests\":1"), stats.body());

        command.stop();
        assertEquals(ExitCode.GO, exit.get(10, TimeUnit.SECONDS));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("stopped after 1 requests"), err.toString());
        assertEquals(1, out.toString(StandardCharsets.UTF_8).lines().count(), "stdout holds only the URL");
    }

    @Test
    void aPortInUseIsAUsageError() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            SimCommand command = parse("sim", "--port", Integer.toString(taken.getLocalPort()));
            var e = assertThrows(UsageException.class, () -> command.run(System.out, System.err));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void badFlagsAreUsageErrorsBeforeAnythingStarts() {
        assertThrows(UsageException.class, () -> parse("sim", "--port", "70000").run(System.out, System.err));
        assertThrows(UsageException.class, () -> parse("sim", "--sim-profile", "nope").run(System.out, System.err));
        assertThrows(UsageException.class, () -> parse("sim", "--time-scale", "0").run(System.out, System.err));
    }
}
