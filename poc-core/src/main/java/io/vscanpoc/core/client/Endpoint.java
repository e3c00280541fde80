package io.vscanpoc.core.client;

/** The three vscan.dev endpoints of one scan, in the order the workflow calls them. */
public enum Endpoint {
    /** {@code POST {base}/analyze}: submits the extension for analysis. */
    ANALYZE("POST", "/analyze"),
    /** {@code GET {base}/status/{analysisId}}: asks whether the analysis has finished. */
    STATUS("GET", "/status"),
    /** {@code GET {base}/results/{analysisId}}: fetches the finished report. */
    RESULTS("GET", "/results");

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path below the base URL, without the analysis ID. */
    public String path() {
        return path;
    }

    /** {@code METHOD /path}, as used in error messages. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
