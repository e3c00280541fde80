package io.vscanpoc.cache.internal;

import io.vscanpoc.core.AnalysisResult;
import java.time.Instant;

/**
 * One row of {@code scan_results}, as stored. Not API.
 *
 * @param key {@code extension_id}: {@link io.vscanpoc.core.ExtensionId#key()}
 * @param displayId {@code display_id}: the ID as the caller spelled it
 * @param version {@code version}
 * @param json {@code scan_result}: the raw report, verbatim
 * @param scannedAtMillis {@code scanned_at}: when it was stored, epoch milliseconds
 * @param riskLevel {@code risk_level}: {@link io.vscanpoc.core.RiskLevel#apiName()}
 * @param score {@code security_score}
 * @param vulnerabilities {@code vulnerabilities_count}: the summary's {@code total}
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
        int vulnerabilities,
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
                result.vulnerabilities().total(),
                Checksums.sha256Hex(result.rawJson()));
    }

    public Instant scannedAt() {
        return Instant.ofEpochMilli(scannedAtMillis);
    }

    /** Whether {@link #checksum()} still matches {@link #json()}. */
    public boolean checksumMatches() {
        return Checksums.sha256Hex(json).equals(checksum);
    }
}
