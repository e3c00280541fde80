package io.vscanpoc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The same extension ID and seed give the same report in every run; another seed gives another. */
class ContentDeterminismTest {

    private static final List<String> IDS = List.of("ms-python.python", "esbenp.prettier-vscode",
            "ms-azuretools.vscode-docker", "eamodio.gitlens", "golang.go", "redhat.java", "vue.volar",
            "ritwickdey.LiveServer", "github.copilot", "hashicorp.terraform");

    @Test
    void sameSeedSameReportsAcrossSimulators() {
        assertEquals(reports(7), reports(7));
    }

    @Test
    void anotherSeedChangesTheContent() {
        List<String> seven = fingerprints(reports(7));
        List<String> eight = fingerprints(reports(8));
        assertNotEquals(seven, eight);
    }

    @Test
    void idsAreMatchedIgnoringCase() {
        try (var sim = start(7)) {
            var http = new SimHttp(sim);
            JsonNode lower = SimHttp.json(http.results(http.submit("ritwickdey.liveserver")));
            JsonNode mixed = SimHttp.json(http.results(http.submit("RitwickDey.LiveServer")));
            assertEquals(fingerprint(lower), fingerprint(mixed));
            assertEquals("LiveServer", mixed.at("/extensionInfo/name").stringValue(), "name as submitted");
        }
    }

    @Test
    void resetDoesNotChangeContent() {
        try (var sim = start(7)) {
            var http = new SimHttp(sim);
            String before = http.results(http.submit("golang.go")).body();
            sim.reset();
            assertEquals(before, http.results(http.submit("golang.go")).body());
        }
    }

    private static List<String> reports(long seed) {
        try (var sim = start(seed)) {
            var http = new SimHttp(sim);
            var bodies = new ArrayList<String>();
            for (String id : IDS) {
                bodies.add(http.results(http.submit(id)).body());
            }
            return bodies;
        }
    }

    private static List<String> fingerprints(List<String> bodies) {
        return bodies.stream().map(b -> fingerprint(SimHttp.JSON.readTree(b))).toList();
    }

    private static String fingerprint(JsonNode report) {
        return report.at("/extensionInfo/version").stringValue() + " " + report.at("/securityScore/score").intValue()
                + " " + report.at("/securityScore/riskLevel").stringValue();
    }

    private static VscanSimulator start(long seed) {
        return VscanSimulator.start(SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).seed(seed).build());
    }
}
