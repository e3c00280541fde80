package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.Endpoint;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Builds the three requests of a scan, with the headers every request carries. */
public final class WorkflowRequests {

    private final String base;
    private final String userAgent;
    private final Duration timeout;

    /**
     * @param base the validated base URL, without a trailing slash
     * @param timeout the real time the answer's headers may take
     */
    public WorkflowRequests(URI base, String userAgent, Duration timeout) {
        this.base = base.toString();
        this.userAgent = userAgent;
        this.timeout = timeout;
    }

    /** {@code POST {base}/analyze} with the extension's publisher and name. */
    public HttpRequest analyze(ExtensionId id) {
        return request(Endpoint.ANALYZE.path())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WorkflowJson.analyzeRequest(id)))
                .build();
    }

    /** {@code GET {base}/status/{analysisId}}. */
    public HttpRequest status(String analysisId) {
        return request(Endpoint.STATUS.path() + "/" + PathSegment.encode(analysisId)).GET().build();
    }

    /** {@code GET {base}/results/{analysisId}}. */
    public HttpRequest results(String analysisId) {
        return request(Endpoint.RESULTS.path() + "/" + PathSegment.encode(analysisId)).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
    }
}
