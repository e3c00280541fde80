package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vscanpoc.core.client.internal.RetryAfter;
import io.vscanpoc.core.time.TimeScale;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    private static Optional<Duration> parse(String value) {
        return RetryAfter.parse(value, NOW, TimeScale.REAL);
    }

    @Test
    void deltaSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), parse("120"));
        assertEquals(Optional.of(Duration.ZERO), parse("0"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), parse(" 5 "));
        assertEquals(Optional.of(Duration.ofDays(365)), parse("99999999999999999999"));
    }

    @Test
    void httpDateInAllThreeFormsRfc9110Names() {
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(37)), parse("Sun Nov  6 08:49:37 1994"));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), parse("Sat, 05 Nov 1994 08:49:37 GMT"));
    }

    @Test
    void aDateIsARealInstantSoItsDistanceIsConvertedToVscanTime() {
        var scale = new TimeScale(0.1);
        assertEquals(Optional.of(Duration.ofSeconds(370)), RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW, scale));
        assertEquals(Optional.of(Duration.ofSeconds(37)), RetryAfter.parse("37", NOW, scale), "delta-seconds already are");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "12s", "Sun, 32 Nov 1994 08:49:37 GMT", "2025-10-01T12:00:00Z"})
    void anythingUnreadableCountsAsAbsent(String value) {
        assertEquals(Optional.empty(), parse(value));
    }
}
