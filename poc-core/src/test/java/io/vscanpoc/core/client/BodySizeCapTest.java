package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import io.vscanpoc.core.error.MalformedResponseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The response size cap is enforced while the body streams in, not after it was buffered. */
class BodySizeCapTest {

    private static final ExtensionId ID = ExtensionId.parse("big.body");
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @RegisterExtension
    final StubVscanServer stub = StubVscanServer.start();
    private final ManualTime time = new ManualTime();


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

        var capped = LargeBodyProbe.runInSmallHeap("client", stub.baseUrl());
        assertEquals(0, capped.exitCode(), capped.output());
        assertTrue(capped.output().contains("MALFORMED_RESPONSE: response larger than 10485760 bytes"), capped.output());

        // The control: the same body, buffered whole by the JDK's own handler, does not fit.
        var buffering = LargeBodyProbe.runInSmallHeap("buffering", stub.baseUrl());
        assertEquals(3, buffering.exitCode(), "ExitOnOutOfMemoryError exits with 3: " + buffering.output());
    }
}
