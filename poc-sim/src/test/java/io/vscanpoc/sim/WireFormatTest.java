package io.vscanpoc.sim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The answers have the endpoints, status codes and JSON shapes of docs/vscan-api.md. */
class WireFormatTest {

    private static final Set<String> MODULES = Set.of("metadata", "dependencies", "socket", "virusTotal",
            "permissions", "ossfScorecard", "networkEndpoints", "sensitiveInfo", "obfuscation", "consolidatedAst",
            "openGrep");
    private static final Set<String> LEVELS = Set.of("low", "medium", "high", "critical");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private static VscanSimulator sim;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder().latency(Duration.ZERO).build());
        http = new SimHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void baseUrlIsLoopbackApiPath() {
        assertEquals("http://127.0.0.1:" + sim.port() + "/api/extensions", sim.baseUrl().toString());
        assertTrue(sim.port() > 0);
    }

    @Test
    void analyzeAnswers202WithAUuidAndPending() {
        var response = http.analyze("ms-python", "python");
        assertEquals(202, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = SimHttp.json(response);
        assertEquals(Set.of("analysisId", "status", "message"), names(body));
        String id = body.get("analysisId").stringValue();
        UUID uuid = UUID.fromString(id);
        assertEquals(id, uuid.toString());
        assertEquals(4, uuid.version());
        assertEquals("pending", body.get("status").stringValue());
        assertTrue(body.get("message").isString());
    }

    @Test
    void statusHasEveryFieldAndIsoTimestamp() {
        String id = http.submit("esbenp.prettier-vscode");
        var response = http.status(id);
        assertEquals(200, response.statusCode());
        JsonNode body = SimHttp.json(response);
        assertEquals(Set.of("analysisId", "status", "progress", "message", "details", "updatedAt"), names(body));
        assertEquals(id, body.get("analysisId").stringValue());
        assertEquals("completed", body.get("status").stringValue());
        assertEquals(100, body.get("progress").intValue());
        assertTrue(body.get("message").isString());
        assertDoesNotThrow(() -> Instant.parse(body.get("updatedAt").stringValue()));
    }

    @Test
    void resultsCarryTheDocumentedReport() {
        String id = http.submit("ms-azuretools.vscode-docker");
        var response = http.results(id);
        assertEquals(200, response.statusCode());
        JsonNode report = SimHttp.json(response);
        assertReportShape(report, "vscode-docker");
    }

    @Test
    void everyReportIsWellFormedConsistentAndAFewKilobytes() {
        var sizes = new ArrayList<Integer>();
        for (int i = 0; i < 40; i++) {
            String name = "ext-" + i;
            var response = http.results(http.submit("publisher" + (i % 7) + "." + name));
            JsonNode report = SimHttp.json(response);
            assertReportShape(report, name);
            sizes.add(response.body().length());
        }
        double mean = sizes.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertTrue(sizes.stream().allMatch(s -> s >= 1500 && s <= 16_000), "sizes " + sizes);
        assertTrue(mean >= 2500 && mean <= 10_000, "mean size " + mean);
    }

    static void assertReportShape(JsonNode report, String name) {
        assertEquals(Set.of("extensionInfo", "securityScore", "analysisModules", "analysisTimestamp", "hasErrors"),
                names(report));
        assertEquals(name, report.at("/extensionInfo/name").stringValue());
        assertTrue(VERSION.matcher(report.at("/extensionInfo/version").stringValue()).matches());

        JsonNode score = report.get("securityScore");
        assertTrue(score.get("score").isIntegralNumber());
        int value = score.get("score").intValue();
        assertTrue(value >= 0 && value <= 100, "score " + value);
        assertTrue(LEVELS.contains(score.get("riskLevel").stringValue()));
        assertTrue(score.get("notes").isArray());
        score.get("notes").forEach(note -> assertTrue(note.isString()));
        var contributionKeys = new java.util.HashSet<>(MODULES);
        contributionKeys.add("base");
        assertEquals(contributionKeys, names(score.get("contributions")));
        score.get("contributions").forEach(c -> assertTrue(c.isIntegralNumber()));
        assertEquals(MODULES, names(score.get("moduleRiskLevels")));
        score.get("moduleRiskLevels").forEach(level -> assertTrue(LEVELS.contains(level.stringValue())));

        JsonNode modules = report.get("analysisModules");
        assertEquals(MODULES, names(modules));
        JsonNode metadata = modules.at("/metadata/metadata");
        for (String field : List.of("displayName", "description", "license", "keywords", "categories", "lastUpdated",
                "repositoryUrl", "homepageUrl", "publisherInfo", "engines", "statistics")) {
            assertTrue(metadata.has(field), "metadata." + field);
        }
        assertEquals(Set.of("name", "displayName", "isVerified", "domain"), names(metadata.get("publisherInfo")));
        assertTrue(metadata.at("/engines/vscode").isString());
        assertEquals(Set.of("installCount", "updateCount", "averageRating", "ratingCount"),
                names(metadata.get("statistics")));
        assertDoesNotThrow(() -> Instant.parse(metadata.get("lastUpdated").stringValue()));
        for (JsonNode factor : modules.at("/metadata/riskFactors")) {
            assertEquals(Set.of("type", "description", "risk"), names(factor));
        }

        int listed = 0;
        for (JsonNode dependency : modules.at("/dependencies/dependencies")) {
            assertEquals(Set.of("name", "version", "type", "risk", "reason", "vulnerabilities"), names(dependency));
            listed += dependency.get("vulnerabilities").size();
        }
        JsonNode summary = modules.at("/dependencies/vulnerabilities/summary");
        assertEquals(Set.of("total", "critical", "high", "moderate", "low", "info"), names(summary));
        int sum = 0;
        for (String severity : List.of("critical", "high", "moderate", "low", "info")) {
            sum += summary.get(severity).intValue();
        }
        assertEquals(sum, summary.get("total").intValue(), "total is the sum of the severities");
        assertEquals(listed, sum, "the summary counts the listed vulnerabilities");

        boolean anyError = false;
        for (String module : MODULES) {
            JsonNode m = modules.get(module);
            assertTrue(m.has("status") && m.has("overallRisk") && m.has("error"), module);
            if (!module.equals("metadata") && !module.equals("dependencies")) {
                assertTrue(m.get("findings").isArray(), module + ".findings");
            }
            anyError |= m.get("status").stringValue().equals("error");
        }
        assertEquals(anyError, report.get("hasErrors").booleanValue());
        assertDoesNotThrow(() -> Instant.parse(report.get("analysisTimestamp").stringValue()));
    }

    static Set<String> names(JsonNode node) {
        return Set.copyOf(node.propertyNames());
    }
}
