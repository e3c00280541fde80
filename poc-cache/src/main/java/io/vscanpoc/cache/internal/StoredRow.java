package io.vscanpoc.cache.internal;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.VulnerabilitySummary;
import java.time.Instant;

/**
 * One row of {@code scan_results}, as stored: the raw report plus the fields the PoC reads, parsed
 * once when the report was stored, so a hit is served without parsing the JSON again (the content
 * check proves the two agree). Not API.
 *
 * @param key {@code extension_id}: {@link ExtensionId#key()}
 * @param displayId {@code display_id}: the ID as the caller spelled it
 * @param version {@code version}
 * @param json {@code scan_result}: the raw report, verbatim
 * @param scannedAtMillis {@code scanned_at}: when it was stored, epoch milliseconds
 * @param riskLevel {@code risk_level}: {@link RiskLevel#apiName()}
 * @param score {@code security_score}
 * @param vulnerabilities {@code vulnerabilities_count} (the summary's total) and
 *     {@code vulnerabilities_critical}, {@code _high}, {@code _moderate}, {@code _low}, {@code _info}
 * @param analysisTimestamp {@code analysis_timestamp}: ISO-8601 text (exact round trip), or null
 * @param hasErrors {@code has_errors}
 * @param checksum {@code checksum}: {@link Checksums#sha256Hex(String)} of {@code json}
 */
public record StoredRow(
        String key,
        String displayId,
        String version,
        String json,
        long scannedAtMillis,
        String riskLevel,
        int score,
        VulnerabilitySummary vulnerabilities,
        String analysisTimestamp,
        boolean hasErrors,
        String checksum) {

    /** The row that stores {@code result}, stamped {@code scannedAt}. */
    public static StoredRow of(AnalysisResult result, Instant scannedAt) {
        return new StoredRow(
                result.id().key(),
                result.id().toString(),
                result.version(),
                result.rawJson(),
                scannedAt.toEpochMilli(),
                result.riskLevel().apiName(),
                result.score(),
                result.vulnerabilities(),
                result.analysisTimestamp() == null ? null : result.analysisTimestamp().toString(),
                result.hasErrors(),
                Checksums.sha256Hex(result.rawJson()));
    }

    /** The stored result, carrying {@code id} (which must have this row's key). */
    public AnalysisResult toResult(ExtensionId id) {
        return new AnalysisResult(
                id,
                version,
                score,
                RiskLevel.fromApi(riskLevel),
                vulnerabilities,
                analysisTimestamp == null ? null : Instant.parse(analysisTimestamp),
                hasErrors,
                json);
    }

    public Instant scannedAt() {
        return Instant.ofEpochMilli(scannedAtMillis);
    }

    /** Whether {@link #checksum()} still matches {@link #json()}. */
    public boolean checksumMatches() {
        return Checksums.sha256Hex(json).equals(checksum);
    }
}
