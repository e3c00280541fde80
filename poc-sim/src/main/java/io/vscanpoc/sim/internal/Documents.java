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
        PhaseText text = PhaseText.of(status);
        var doc = Json.MAPPER.createObjectNode();
        doc.put("analysisId", id.toString());
        doc.put("status", text.status());
        doc.put("progress", status.progress());
        doc.put("message", text.message());
        var details = doc.putObject("details");
        details.put("stage", text.status());
        details.put("modulesCompleted", text.modulesCompleted());
        details.put("modulesTotal", MODULE_COUNT);
        details.put("cached", cached);
        doc.put("updatedAt", updatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return Json.MAPPER.writeValueAsBytes(doc);
    }

    /** How a phase reads on the wire. */
    private record PhaseText(String status, String message, int modulesCompleted) {

        static PhaseText of(AnalysisRegistry.Status s) {
            return switch (s.phase()) {
                case PENDING -> new PhaseText("pending", "Waiting for an analysis worker", 0);
                case ANALYZING -> new PhaseText("analyzing", "Analyzing extension",
                        Math.min(MODULE_COUNT - 1, s.progress() * MODULE_COUNT / 100));
                case COMPLETED -> new PhaseText("completed", "Analysis completed", MODULE_COUNT);
                case FAILED -> new PhaseText("failed", "Analysis failed: the extension package could not be analyzed",
                        MODULE_COUNT - 1);
            };
        }
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
