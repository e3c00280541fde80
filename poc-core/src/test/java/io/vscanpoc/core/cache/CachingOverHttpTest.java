package io.vscanpoc.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.HttpVscanClient;
import io.vscanpoc.core.client.VscanClientConfig;
import io.vscanpoc.core.testing.InMemoryResultCache;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decorator over the real client and real HTTP: a hit sends nothing at all. */
class CachingOverHttpTest {

    @Test
    void theSecondScanOfAnExtensionIsAHitAndSendsNoRequest() throws Exception {
        var requests = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/analyze") ? "{\"analysisId\":\"a1\"}"
                    : path.contains("/status/") ? "{\"status\":\"completed\"}"
                    : "{\"extensionInfo\":{\"version\":\"9\"},\"securityScore\":{\"score\":50,\"riskLevel\":\"low\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.endsWith("/analyze") ? 202 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try (var http = new HttpVscanClient(VscanClientConfig.builder()
                        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/extensions")
                        .pacingDelay(Duration.ZERO)
                        .build());
                var cache = new InMemoryResultCache()) {
            var client = new CachingVscanClient(http, cache);
            var id = ExtensionId.parse("redhat.java");
            assertFalse(client.scan(id).fromCache());
            assertEquals(3, requests.get());
            var hit = client.scan(id);
            assertTrue(hit.fromCache());
            assertEquals("9", hit.analysis().version());
            assertEquals(3, requests.get());
            assertEquals(3, http.stats().requests());
        } finally {
            server.stop(0);
        }
    }
}
