package io.vscanpoc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.error.MalformedResponseException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalysisResultTest {

    private static final ExtensionId ID = ExtensionId.parse("ms-python.python");

    @Test
    void readsTheFieldsThePocNeedsAndKeepsTheRawJson() throws Exception {
        String json = """
                {"extensionInfo":{"name":"python","version":"2025.1.0","extra":1},
                 "securityScore":{"score":82,"riskLevel":"high","notes":[]},
                 "analysisModules":{"dependencies":{"vulnerabilities":{"summary":
                   {"total":3,"critical":0,"high":1,"moderate":1,"low":1,"info":0}}}},
                 "analysisTimestamp":"2025-10-01T12:00:00Z","hasErrors":true,"unknown":{"x":[1,2]}}""";
        var result = AnalysisResult.parse(ID, json);
        assertEquals("2025.1.0", result.version());
        assertEquals(82, result.score());
        assertEquals(RiskLevel.HIGH, result.riskLevel());
        assertEquals(new VulnerabilitySummary(3, 0, 1, 1, 1, 0), result.vulnerabilities());
        assertEquals(Instant.parse("2025-10-01T12:00:00Z"), result.analysisTimestamp());
        assertTrue(result.hasErrors());
        assertEquals(json, result.rawJson());
    }

    @Test
    void toleratesMissingOptionalFieldsAndUnknownRiskLevels() throws Exception {
        var result = AnalysisResult.parse(ID, """
                {"extensionInfo":{"version":"1"},"securityScore":{"score":0,"riskLevel":"spicy"},
                 "analysisTimestamp":"yesterday"}""");
        assertEquals(RiskLevel.UNKNOWN, result.riskLevel());
        assertEquals(VulnerabilitySummary.NONE, result.vulnerabilities());
        assertTrue(result.timestamp().isEmpty());
        assertFalse(result.hasErrors());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "xyzzy-secret-token", "{\"extensionInfo\":", "[]", "<html><body>502 Bad Gateway</body></html>",
        "{\"securityScore\":{\"score\":82,\"riskLevel\":\"high\"}}",
        "{\"extensionInfo\":{\"version\":\"1\"},\"securityScore\":{\"score\":\"82\",\"riskLevel\":\"high\"}}",
        "{\"extensionInfo\":{\"version\":\"1\"},\"securityScore\":{\"score\":101,\"riskLevel\":\"high\"}}",
        "{\"extensionInfo\":{\"version\":\"1\"},\"securityScore\":{\"score\":82}}",
        "{\"extensionInfo\":{\"version\":7},\"securityScore\":{\"score\":82,\"riskLevel\":\"high\"}}"
    })
    void aMissingOrMistypedRequiredFieldIsMalformed(String json) {
        var e = assertThrows(MalformedResponseException.class, () -> AnalysisResult.parse(ID, json));
        assertEquals(ErrorCategory.MALFORMED_RESPONSE, e.category());
        assertFalse(e.getMessage().contains("<html>"), "messages never carry response bodies");
        assertFalse(e.getMessage().contains("xyzzy"), "not even a quoted token of one");
    }
}
