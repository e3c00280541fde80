package io.vscanpoc.core.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Interruption is how the scanner cancels: every wait of the client must end promptly on it. */
class InterruptTest {

    @RegisterExtension
    final StubVscanServer stub = StubVscanServer.start();


    private static Thread scanInVirtualThread(HttpVscanClient client, AtomicReference<Throwable> thrown) {
        return Thread.ofVirtual().start(() -> {
            try {
                client.scan(ExtensionId.parse("slow.one"));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
    }

    @Test
    void aScanWaitingForItsPacingDelayEndsWithInterruptedException() throws Exception {
        var config = VscanClientConfig.builder().baseUrl(stub.baseUrl()).pacingDelay(Duration.ofHours(1)).build();
        try (var client = new HttpVscanClient(config)) {
            var thrown = new AtomicReference<Throwable>();
            var thread = scanInVirtualThread(client, thrown);
            await().atMost(Duration.ofSeconds(10)).until(() -> stub.count(Endpoint.ANALYZE) == 1
                    && thread.getState() == Thread.State.TIMED_WAITING);
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
            assertInstanceOf(InterruptedException.class, thrown.get());
            assertEquals(1, stub.requests().size());
        }
    }

    @Test
    void aScanWaitingForAnAnswerEndsWithInterruptedException() throws Exception {
        stub.script(Endpoint.ANALYZE, Reply.hang());
        var config = VscanClientConfig.builder().baseUrl(stub.baseUrl()).pacingDelay(Duration.ZERO).build();
        try (var client = new HttpVscanClient(config)) {
            var thrown = new AtomicReference<Throwable>();
            var thread = scanInVirtualThread(client, thrown);
            await().atMost(Duration.ofSeconds(10)).until(() -> stub.count(Endpoint.ANALYZE) == 1);
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
            assertInstanceOf(InterruptedException.class, thrown.get());
        }
    }
}
