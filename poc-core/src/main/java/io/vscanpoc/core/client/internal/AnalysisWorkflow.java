package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.client.Endpoint;
import io.vscanpoc.core.client.VscanClientConfig;
import io.vscanpoc.core.error.AnalysisFailedException;
import io.vscanpoc.core.error.ScanTimeoutException;
import io.vscanpoc.core.error.VscanException;
import java.time.Duration;
import java.time.Instant;

/**
 * One scan: submit, poll until the analysis ends, fetch the report. The first poll goes out as soon
 * as pacing allows, because popular extensions are already complete on the server; later polls wait
 * the poll interval, which grows to its cap, until {@code maxWait} has passed since submission.
 */
public final class AnalysisWorkflow {

    private final RequestSender sender;
    private final WorkflowRequests requests;
    private final VscanClientConfig config;

    public AnalysisWorkflow(RequestSender sender, WorkflowRequests requests, VscanClientConfig config) {
        this.sender = sender;
        this.requests = requests;
        this.config = config;
    }

    /** Scans {@code id}, sending every request on {@code lane}. */
    public ScanResult run(ExtensionId id, Pacer.Lane lane) throws VscanException, InterruptedException {
        var tally = new ScanTally();
        Instant start = now();
        var submitted = sender.send(lane, Endpoint.ANALYZE, requests.analyze(id), id, tally);
        String analysisId = WorkflowJson.analysisId(submitted.text(), submitted.status(), id);
        Instant polling = now();
        awaitCompletion(id, analysisId, lane, tally, polling);
        Instant fetching = now();
        var fetched = sender.send(lane, Endpoint.RESULTS, requests.results(analysisId), id, tally);
        AnalysisResult result = AnalysisResult.parse(id, fetched.text());
        Instant end = now();
        return new ScanResult(
                result,
                false,
                tally.timings(
                        Duration.between(start, polling),
                        Duration.between(polling, fetching),
                        Duration.between(fetching, end)));
    }

    private void awaitCompletion(ExtensionId id, String analysisId, Pacer.Lane lane, ScanTally tally, Instant from)
            throws VscanException, InterruptedException {
        Instant deadline = from.plus(config.timeScale().toReal(config.maxWait()));
        Duration interval = config.pollInterval();
        while (true) {
            var answer = sender.send(lane, Endpoint.STATUS, requests.status(analysisId), id, tally);
            String status = WorkflowJson.status(answer.text(), answer.status(), id);
            if (status.equals("completed")) {
                return;
            }
            if (status.equals("failed")) {
                throw new AnalysisFailedException("vscan.dev reported the analysis of " + id + " as failed");
            }
            Duration left = Duration.between(now(), deadline);
            if (!left.isPositive()) {
                throw new ScanTimeoutException(
                        "analysis of " + id + " not completed within " + config.maxWait().toSeconds()
                                + " s (vscan time)",
                        ScanTimeoutException.Phase.ANALYSIS,
                        null);
            }
            Duration wait = config.timeScale().toReal(interval);
            config.sleeper().sleep(wait.compareTo(left) < 0 ? wait : left);
            interval = grow(interval);
        }
    }

    private Duration grow(Duration interval) {
        double next = interval.toNanos() * config.pollIntervalGrowth();
        long cap = config.maxPollInterval().toNanos();
        return Duration.ofNanos(next >= cap ? cap : Math.round(next));
    }

    private Instant now() {
        return config.clock().instant();
    }
}
