package io.vscanpoc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request log: what a test can read back about what the client sent. */
class RecordingTest {

    @Test
    void recordsMethodPathHeadersBodyAndTime() {
        try (var sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).build())) {
            var http = new SimHttp(sim);
            Instant before = Instant.now();
            String id = http.submit("ms-python.python");
            http.status(id);
            http.get("/unknown/path?x=1");
            Instant after = Instant.now();

            List<RecordedRequest> log = sim.recordedRequests();
            assertEquals(3, log.size());
            RecordedRequest submit = log.get(0);
            assertEquals(0, submit.sequence());
            assertEquals("POST", submit.method());
            assertEquals("/api/extensions/analyze", submit.path());
            assertEquals(Endpoint.ANALYZE, submit.endpoint());
            assertEquals("{\"publisher\":\"ms-python\",\"name\":\"python\"}", submit.body());
            assertEquals("sim-test/1.0 (+https://example.invalid)", submit.header("user-agent").orElseThrow());
            assertEquals("application/json", submit.header("ACCEPT").orElseThrow());
            assertFalse(submit.receivedAt().isBefore(before.minusMillis(1)));
            assertFalse(submit.receivedAt().isAfter(after.plusMillis(1)));

            RecordedRequest poll = log.get(1);
            assertEquals("GET", poll.method());
            assertEquals("/api/extensions/status/" + id, poll.path());
            assertEquals(Endpoint.STATUS, poll.endpoint());
            assertEquals("", poll.body());
            assertTrue(poll.vscanTime().compareTo(submit.vscanTime()) >= 0);

            RecordedRequest other = log.get(2);
            assertEquals("/api/extensions/unknown/path", other.path(), "the query is not part of the path");
            assertNull(other.endpoint());
        }
    }

    @Test
    void keepsOnlyTheMostRecentRequests() {
        try (var sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder().latency(Duration.ZERO)
                .requestLogCapacity(3).build())) {
            var http = new SimHttp(sim);
            for (int i = 0; i < 5; i++) {
                http.get("/status/x" + i);
            }
            assertEquals(List.of(2L, 3L, 4L), sim.recordedRequests().stream().map(RecordedRequest::sequence).toList());
            assertEquals(5, sim.stats().requests());
        }
    }

    @Test
    void aResetClearsTheLogAndRestartsNumbering() {
        try (var sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).build())) {
            var http = new SimHttp(sim);
            http.get("/status/x");
            sim.reset();
            assertTrue(sim.recordedRequests().isEmpty());
            http.get("/status/y");
            assertEquals(0, sim.recordedRequests().getFirst().sequence());
        }
    }
}
