package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import io.vscanpoc.core.error.MalformedResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response size cap is enforced while the body streams in, not after it was buffered. */
class BodySizeCapTest {

    private static final ExtensionId ID = ExtensionId.parse("big.body");
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private StubVscanServer stub;
    private final ManualTime time = new ManualTime();

    @BeforeEach
    void start() throws Exception {
        stub = StubVscanServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aStreamedBodyPastTheCapIsMalformedAndNotRetried() throws Exception {
        stub.script(Endpoint.RESULTS, Reply.stream(200, 3L * 1024 * 1024, false));
        try (var client = new HttpVscanClient(stub.config(time).maxBodyBytes(1024 * 1024).build())) {
            var e = assertThrows(MalformedResponseException.class, () -> client.scan(ID));
            assertTrue(e.getMessage().startsWith("response larger than 1048576 bytes"), e.getMessage());
            assertEquals(200, e.httpStatus().orElseThrow());
            assertEquals(ErrorCategory.MALFORMED_RESPONSE, e.category());
            assertEquals(1, stub.count(Endpoint.RESULTS));
            assertEquals(2, client.stats().responses(200), "the oversized answer is counted as received");
        }
    }

    @Test
    void aDeclaredLengthPastTheCapFailsBeforeTheBodyIsRead() throws Exception {
        stub.script(Endpoint.RESULTS, Reply.stream(200, 2048, true));
        try (var client = new HttpVscanClient(stub.config(time).maxBodyBytes(1024).build())) {
            var e = assertThrows(MalformedResponseException.class, () -> client.scan(ID));
            assertTrue(e.getMessage().startsWith("response larger than 1024 bytes"), e.getMessage());
        }
    }

    @Test
    void aBodyOfExactlyTheCapIsAccepted() throws Exception {
        String body = StubVscanServer.results("3.1");
        int size = body.getBytes(StandardCharsets.UTF_8).length;
        stub.script(Endpoint.RESULTS, Reply.json(200, body));
        try (var client = new HttpVscanClient(stub.config(time).maxBodyBytes(size).build())) {
            assertEquals("3.1", client.scan(ID).analysis().version());
        }
        try (var client = new HttpVscanClient(stub.config(time).maxBodyBytes(size - 1).build())) {
            assertThrows(MalformedResponseException.class, () -> client.scan(ID));
        }
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedInAJvmWhoseHeapCouldNotHoldIt() throws Exception {
        stub.script(Endpoint.RESULTS, Reply.stream(200, FIFTY_MB, false));

        var capped = runProbe("client");
        assertEquals(0, capped.exitCode(), capped.output());
        assertTrue(capped.output().contains("MALFORMED_RESPONSE: response larger than 10485760 bytes"), capped.output());

        // The control: the same body, buffered whole by the JDK's own handler, does not fit.
        var buffering = runProbe("buffering");
        assertEquals(3, buffering.exitCode(), "ExitOnOutOfMemoryError exits with 3: " + buffering.output());
    }

    private record Probe(int exitCode, String output) {}

    private Probe runProbe(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var process = new ProcessBuilder(List.of(
                        java.toString(), "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("java.class.path"),
                        LargeBodyProbe.class.getName(), mode, stub.baseUrl().toString()))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not finish");
        }
        return new Probe(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
