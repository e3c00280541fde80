package io.vscanpoc.sim;

/** The three vscan.dev endpoints, named by the last fixed segment of their path. */
public enum Endpoint {
    /** {@code POST /api/extensions/analyze}: submits an extension. */
    ANALYZE("analyze"),
    /** {@code GET /api/extensions/status/{analysisId}}: polls an analysis. */
    STATUS("status"),
    /** {@code GET /api/extensions/results/{analysisId}}: fetches the report. */
    RESULTS("results");

    private final String pathSegment;

    Endpoint(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The path segment after {@code /api/extensions/}, also the key in {@link SimulatorStats}. */
    public String pathSegment() {
        return pathSegment;
    }
}
