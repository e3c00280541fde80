package io.vscanpoc.cli.discover;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.vscanpoc.cli.Command;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.cli.input.ExtensionList;
import io.vscanpoc.cli.options.ApiOptions;
import io.vscanpoc.cli.options.MatrixOptions;
import io.vscanpoc.cli.run.ClientFactory;
import io.vscanpoc.cli.run.ScanOnce;
import io.vscanpoc.cli.run.Target;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.scanner.FailurePolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vscan-poc discover}: ramps the worker count 1, 2, 3, ... over the list until the API
 * answers 429, success falls below 95%, the budget is spent, or {@code --max-workers} is reached.
 * It measures the API, never the cache: every step goes straight to the client. Retries stay on,
 * so a slow first answer or a passing 503 does not end the ramp, and they cannot hide a 429: every
 * 429 response is counted when it arrives, retried or not.
 */
@Parameters(commandNames = "discover", commandDescription = "Find the largest worker count the API takes without HTTP 429")
public final class DiscoverCommand implements Command {

    /** A step is safe at or above this success rate, the brief's threshold. */
    static final double SAFE_SUCCESS_PERCENT = 95.0;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParametersDelegate
    public ApiOptions api = new ApiOptions();

    @Parameter(names = "--max-workers", description = "Highest worker count to try")
    public int maxWorkers = 8;

    @Parameter(names = "--json", description = "Where to write the steps and the threshold "
            + "(default docs/research/rate-limit-discovery.json, or ...-simulated.json with --simulate)")
    public Path json;

    /** One rung of the ramp. */
    public record Step(int workers, long requests, long http429, double successRate, double seconds) {}

    @Override
    public int run(PrintStream out, PrintStream err) {
        api.validate();
        if (maxWorkers < 1 || maxWorkers > MatrixOptions.MAX_WORKERS) {
            throw new UsageException("--max-workers must be between 1 and " + MatrixOptions.MAX_WORKERS + ", got " + maxWorkers);
        }
        ExtensionList list = api.input.load();
        Path jsonPath = json != null ? json
                : Path.of(api.simulated() ? "docs/research/rate-limit-discovery-simulated.json" : "docs/research/rate-limit-discovery.json");
        try (Target target = Target.open(api.target, api.sim, api.scale())) {
            var clients = new ClientFactory(target, api.politeness);
            if (target.simulated()) {
                out.println("SIMULATED RUN: discovering the limit of poc-sim on " + target.apiUrl() + ", not vscan.dev");
            }
            out.printf("Discovering the worker threshold on %s: %d extensions per step, up to %d workers%n",
                    target.apiUrl(), list.size(), maxWorkers);
            var steps = new ArrayList<Step>();
            int threshold = 0;
            String stop = "reached --max-workers " + maxWorkers + " without a 429";
            for (int workers = 1; workers <= maxWorkers; workers++) {
                if (clients.budget().isExhausted()) {
                    stop = "request budget spent before " + workers + " workers";
                    break;
                }
                Step step = step(clients, list, workers);
                steps.add(step);
                out.printf(Locale.ROOT, "  %d worker(s): %d requests, %d x 429, %.1f%% success, %.1fs%n",
                        step.workers(), step.requests(), step.http429(), step.successRate(), step.seconds());
                if (Thread.currentThread().isInterrupted()) {
                    stop = "interrupted";
                    break;
                }
                if (workers == 1 && step.successRate() == 0 && step.requests() == 0) {
                    throw new RuntimeFailure("no request could be sent to " + target.apiUrl());
                }
                if (step.http429() > 0) {
                    stop = "HTTP 429 at " + workers + " workers";
                    break;
                }
                if (step.successRate() < SAFE_SUCCESS_PERCENT) {
                    stop = String.format(Locale.ROOT, "success fell to %.1f%% at %d workers", step.successRate(), workers);
                    break;
                }
                threshold = workers;
            }
            out.println("Threshold: " + threshold + " worker(s) (" + stop + ")");
            write(jsonPath, target, threshold, stop, steps);
            out.println("JSON: " + jsonPath.toAbsolutePath().normalize());
            return Thread.interrupted() ? ExitCode.INTERRUPTED : ExitCode.GO;
        }
    }

    private Step step(ClientFactory clients, ExtensionList list, int workers) {
        try (var http = clients.create(workers)) {
            ScanReport<?, ?> scan = ScanOnce.scan(list.ids(), workers, http, ScanListener.none(), FailurePolicy.collectAll());
            long budgetFailures = scan.stats().failures(ErrorCategory.BUDGET_EXHAUSTED);
            long counted = scan.outcomes().size() - budgetFailures;
            double success = counted == 0 ? 0 : 100.0 * scan.successes() / counted;
            var stats = http.stats();
            return new Step(workers, stats.requests(), stats.http429(), success, scan.wallTime().toNanos() / 1e9);
        }
    }

    private static void write(Path path, Target target, int threshold, String stop, List<Step> steps) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("simulated", target.simulated());
        doc.put("apiUrl", target.apiUrl().toString());
        doc.put("threshold", threshold);
        doc.put("stoppedBecause", stop);
        doc.put("steps", steps);
        doc.put("simulator", target.groundTruth()
                .map(g -> JSON.convertValue(g, new TypeReference<Map<String, Object>>() {}))
                .orElse(null));
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".discover-", ".json");
            JSON.writeValue(tmp.toFile(), doc);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new RuntimeFailure("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
