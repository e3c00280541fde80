package io.vscanpoc.sim.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The small JSON documents of the workflow: the submit answer, the status answer, error bodies. */
public final class Documents {

    /** The modules an analysis runs, for the status details. */
    private static final int MODULE_COUNT = ReportGenerator.MODULES.size();

    private static final byte[] HTML_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>vscan.dev - temporarily unavailable</title></head>
            <body>
            <h1>We'll be right back</h1>
            <p>vscan.dev is undergoing scheduled maintenance. Please try again in a few minutes.</p>
            </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private Documents() {}

    public static byte[] submitted(UUID id, boolean alreadyAnalysed) {
        var doc = Json.MAPPER.createObjectNode();
        doc.put("analysisId", id.toString());
        doc.put("status", "pending");
        doc.put("message", alreadyAnalysed ? "Analysis queued; a recent analysis is available"
                : "Analysis queued");
        return Json.MAPPER.writeValueAsBytes(doc);
    }

    public static byte[] status(UUID id, AnalysisRegistry.Status status, Instant updatedAt, boolean cached) {
        var doc = Json.MAPPER.createObjectNode();
        doc.put("analysisId", id.toString());
        doc.put("status", switch (status.phase()) {
            case PENDING -> "pending";
            case ANALYZING -> "analyzing";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        });
        doc.put("progress", status.progress());
        doc.put("message", switch (status.phase()) {
            case PENDING -> "Waiting for an analysis worker";
            case ANALYZING -> "Analyzing extension";
            case COMPLETED -> "Analysis completed";
            case FAILED -> "Analysis failed: the extension package could not be analyzed";
        });
        var details = doc.putObject("details");
        details.put("stage", status.phase().name().toLowerCase(java.util.Locale.ROOT));
        details.put("modulesCompleted", switch (status.phase()) {
            case PENDING -> 0;
            case ANALYZING -> Math.min(MODULE_COUNT - 1, status.progress() * MODULE_COUNT / 100);
            case COMPLETED -> MODULE_COUNT;
            case FAILED -> MODULE_COUNT - 1;
        });
        details.put("modulesTotal", MODULE_COUNT);
        details.put("cached", cached);
        doc.put("updatedAt", updatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return Json.MAPPER.writeValueAsBytes(doc);
    }

    public static byte[] error(int status, String error, String message) {
        var doc = Json.MAPPER.createObjectNode();
        doc.put("error", error);
        doc.put("message", message);
        doc.put("statusCode", status);
        return Json.MAPPER.writeValueAsBytes(doc);
    }

    public static byte[] htmlPage() {
        return HTML_PAGE.clone();
    }
}
