package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.BuildInfo;
import io.vscanpoc.core.time.Sleeper;
import io.vscanpoc.core.time.TimeScale;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation happens in {@link VscanClientConfig.Builder#build()}, which has no HTTP client and
 * resolves no name: none of these tests opens a connection or does a DNS lookup.
 */
class VscanClientConfigTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        var config = VscanClientConfig.defaults();
        assertEquals(URI.create("https://vscan.dev/api/extensions"), config.baseUrl());
        assertEquals(Duration.ofSeconds(30), config.requestTimeout());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(2), config.pollInterval());
        assertEquals(Duration.ofSeconds(5), config.maxPollInterval());
        assertEquals(1.5, config.pollIntervalGrowth());
        assertEquals(Duration.ofSeconds(300), config.maxWait());
        assertEquals(10L * 1024 * 1024, config.maxBodyBytes());
        assertEquals(Duration.ofMillis(1500), config.pacingDelay());
        assertEquals(1, config.lanes());
        assertTrue(config.maxRequestsPerSecond().isEmpty());
        assertEquals(1, config.rateBurst());
        assertTrue(config.requestBudget().limit().isEmpty());
        assertEquals(TimeScale.REAL, config.timeScale());
        assertEquals(Sleeper.SYSTEM, config.sleeper());
        assertEquals(BuildInfo.userAgent(), config.userAgent());
        assertEquals(3, config.retryPolicy().maxRetries());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://example.com/api/extensions", "http://vscan.dev/api/extensions", "HTTP://VSCAN.DEV",
        "http://10.0.0.1:8080", "http://192.168.1.10", "http://0.0.0.0:80", "http://[::2]:80",
        "http://[fe80::1]", "http://127.0.0.1.nip.io", "http://localhost.example.com", "http://localhost.",
        "http://1.2.3.4"
    })
    void plainHttpToAnyHostThatIsNotLoopbackIsRefusedBeforeAnyConnection(String url) {
        var builder = VscanClientConfig.builder().baseUrl(url);
        var e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().startsWith("refusing plain http to '"), e.getMessage());
        assertTrue(e.getMessage().contains("use https"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:8080/api/extensions", "http://localhost:1/api", "http://LOCALHOST", "http://[::1]:9000/x",
        "http://[0:0:0:0:0:0:0:1]:9000", "http://127.0.0.2:80", "https://example.com/api", "HTTPS://vscan.dev/api/extensions"
    })
    void httpsAnywhereAndPlainHttpToLoopbackAreAccepted(String url) {
        var config = VscanClientConfig.builder().baseUrl(url).build();
        assertTrue(config.baseUrl().getScheme().matches("https?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not a url", "https://exa mple.com", "vscan.dev/api", "/api/extensions", "ftp://vscan.dev/api",
        "mailto:someone@vscan.dev", "https:///api", "https://user:secret@vscan.dev/api", "https://vscan.dev/api?x=1",
        "https://vscan.dev/api#top", "https://bad_host.example/api", "https://vscan.dev:99999/api", "https://\u0000x", ""
    })
    void malformedBaseUrlsAreRejectedWithOneClearLine(String url) {
        var e = assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().baseUrl(url).build());
        assertTrue(e.getMessage().startsWith("invalid base URL '"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("\u0000"), e.getMessage());
    }

    @Test
    void trailingSlashesAreDroppedAndTheSchemeLowerCased() {
        assertEquals(URI.create("https://vscan.dev/api/extensions"),
                VscanClientConfig.builder().baseUrl("HTTPS://vscan.dev/api/extensions//").build().baseUrl());
        assertEquals(URI.create("http://127.0.0.1:8080"),
                VscanClientConfig.builder().baseUrl("http://127.0.0.1:8080/").build().baseUrl());
    }

    @Test
    void timeoutsAreTimeScaledButNotBelowTheFloor() {
        var scaled = VscanClientConfig.builder().timeScale(new TimeScale(0.05)).build();
        assertEquals(Duration.ofMillis(1500), scaled.realRequestTimeout());
        assertEquals(Duration.ofMillis(500), scaled.realConnectTimeout());
        var tiny = VscanClientConfig.builder().timeScale(new TimeScale(0.001)).build();
        assertEquals(VscanClientConfig.MIN_REAL_TIMEOUT, tiny.realRequestTimeout());
        var explicit = VscanClientConfig.builder().requestTimeout(Duration.ofMillis(100)).build();
        assertEquals(Duration.ofMillis(100), explicit.realRequestTimeout(), "an explicit short timeout is kept");
    }

    @Test
    void inconsistentOrOutOfRangeSettingsAreRejected() {
        var builder = VscanClientConfig.builder().pollInterval(Duration.ofSeconds(10)).maxPollInterval(Duration.ofSeconds(5));
        assertThrows(IllegalArgumentException.class, builder::build);
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().lanes(0));
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().maxWait(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().pacingDelay(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().maxBodyBytes(0));
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().maxRequestsPerSecond(0));
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().maxRequestsPerSecond(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().pollIntervalGrowth(0.5));
        assertThrows(IllegalArgumentException.class, () -> VscanClientConfig.builder().userAgent("a\r\nInjected: 1"));
    }

    @Test
    void toBuilderKeepsEverySetting() {
        var budget = RequestBudget.of(10);
        var config = VscanClientConfig.builder()
                .baseUrl("http://127.0.0.1:1")
                .lanes(7)
                .maxRequestsPerSecond(2.5)
                .requestBudget(budget)
                .build()
                .toBuilder()
                .build();
        assertEquals(URI.create("http://127.0.0.1:1"), config.baseUrl());
        assertEquals(7, config.lanes());
        assertEquals(2.5, config.maxRequestsPerSecond().getAsDouble());
        assertTrue(config.requestBudget() == budget);
    }
}
