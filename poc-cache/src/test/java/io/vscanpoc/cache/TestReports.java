package io.vscanpoc.cache;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.error.MalformedResponseException;

/** vscan.dev-shaped results documents for tests, parsed the way the client parses them. */
public final class TestReports {

    private static final String[] LEVELS = {"low", "medium", "high", "critical"};

    private TestReports() {}

    /** A report for {@code id} whose fields are derived from {@code seq}, padded to about {@code bytes}. */
    public static AnalysisResult report(ExtensionId id, long seq, int bytes) {
        String json = json(id, "1." + seq, (int) (seq % 101), LEVELS[(int) (seq % LEVELS.length)], (int) (seq % 7), bytes);
        try {
            return AnalysisResult.parse(id, json);
        } catch (MalformedResponseException e) {
            throw new AssertionError(e);
        }
    }

    public static AnalysisResult report(String id, long seq) {
        return report(ExtensionId.parse(id), seq, 600);
    }

    /** The JSON text of a report; {@code bytes} pads the notes so the document is about that long. */
    public static String json(ExtensionId id, String version, int score, String risk, int vulnerabilities, int bytes) {
        String head = """
                {"extensionInfo":{"name":"%s","version":"%s"},\
                "securityScore":{"score":%d,"riskLevel":"%s","notes":["%s"]},\
                "analysisModules":{"dependencies":{"vulnerabilities":{"summary":\
                {"total":%d,"critical":0,"high":%d,"moderate":0,"low":0,"info":0}}}},\
                "analysisTimestamp":"2025-10-01T12:00:00Z","hasErrors":false}"""
                .formatted(id.name(), version, score, risk, "%PAD%", vulnerabilities, vulnerabilities);
        int padding = Math.max(0, bytes - head.length() + "%PAD%".length());
        return head.replace("%PAD%", "x".repeat(padding));
    }
}
