package io.vscanpoc.core;

import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.internal.AnalysisResultParser;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the PoC and the cache need of one vscan.dev report, plus the report itself, verbatim.
 *
 * @param id the extension
 * @param version {@code extensionInfo.version}
 * @param score {@code securityScore.score}, 0 to 100
 * @param riskLevel {@code securityScore.riskLevel}
 * @param vulnerabilities the dependency vulnerability summary; {@link VulnerabilitySummary#NONE}
 *     when the report has none
 * @param analysisTimestamp {@code analysisTimestamp}, or null when absent or unparseable
 * @param hasErrors {@code hasErrors}, false when absent
 * @param rawJson the report exactly as received; the cache stores it verbatim
 */
public record AnalysisResult(
        ExtensionId id,
        String version,
        int score,
        RiskLevel riskLevel,
        VulnerabilitySummary vulnerabilities,
        Instant analysisTimestamp,
        boolean hasErrors,
        String rawJson) {

    public AnalysisResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(vulnerabilities, "vulnerabilities");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    /**
     * Parses a results document. Unknown fields are ignored and missing optional ones tolerated;
     * {@code extensionInfo.version}, {@code securityScore.score} (an integer 0-100) and
     * {@code securityScore.riskLevel} (a string) are required.
     *
     * @throws MalformedResponseException if the text is not JSON, or a required field is missing or
     *     of the wrong type
     */
    public static AnalysisResult parse(ExtensionId id, String json) throws MalformedResponseException {
        return AnalysisResultParser.parse(id, json);
    }

    /** {@link #analysisTimestamp()}, when there is one. */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(analysisTimestamp);
    }
}
