package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.SimulatorConfig;
import io.vscanpoc.sim.SimulatorProfile;
import java.util.ArrayDeque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A discrete-event model of the PoC's client against a simulator configuration, on virtual time:
 * W workers share a queue of extensions; each sends analyze, polls status (first poll at once,
 * then every 2 s) until the analysis is due, then fetches results; each waits {@code pacing}
 * between its own requests, and on a 429 waits Retry-After (or the pacing, if longer) and resends.
 * It uses the simulator's own token bucket, latency draws, knee and pre-analysed choice, so it shows
 * what a configuration does to paced clients without real time passing. Prints a table when run.
 */
public final class PacedWorkersModel {

    /** The PoC's dataset, as in poc-cli's test-extensions.txt. */
    public static final List<String> DATASET = List.of("ms-python.python", "ms-vscode.cpptools",
            "ms-dotnettools.csharp", "ms-azuretools.vscode-docker", "ms-vscode-remote.remote-ssh", "ms-toolsai.jupyter",
            "esbenp.prettier-vscode", "dbaeumer.vscode-eslint", "eamodio.gitlens", "ritwickdey.LiveServer",
            "formulahendry.code-runner", "christian-kohler.path-intellisense", "golang.go", "rust-lang.rust-analyzer",
            "redhat.java", "vue.volar", "bradlc.vscode-tailwindcss", "vscode-icons-team.vscode-icons",
            "PKief.material-icon-theme", "usernamehw.errorlens", "streetsidesoftware.code-spell-checker",
            "wayou.vscode-todo-highlight", "hbenl.vscode-test-explorer", "Orta.vscode-jest",
            "msjsdiag.debugger-for-chrome", "mtxr.sqltools", "redhat.vscode-yaml", "hashicorp.terraform",
            "ms-kubernetes-tools.vscode-kubernetes-tools", "github.copilot");

    private static final long S = 1_000_000_000L;

    /** What one run of the model measured. */
    public record Result(int workers, long requests, long http429, double seconds, double peakRps) {}

    /** How a worker spaces its requests. */
    public enum Pacing {
        /** The delay runs from the end of one request to the start of the next. */
        AFTER_RESPONSE,
        /** Consecutive sends are at least the delay apart, whatever the latency (a faster client). */
        BETWEEN_SENDS
    }

    private PacedWorkersModel() {}

    public static Result run(SimulatorConfig config, int workers, long pacingNanos, Pacing pacing) {
        var bucket = config.rateLimit() == null ? null : new TokenBucket(config.rateLimit(), 0);
        var catalogue = new ExtensionCatalogue(config);
        var queue = new ArrayDeque<>(DATASET);
        var busyUntil = new long[workers];
        var events = new PriorityQueue<Worker>((a, b) -> Long.compare(a.nextSend, b.nextSend));
        for (int w = 0; w < workers; w++) {
            var worker = new Worker(w);
            if (worker.take(queue, catalogue, config, 0)) {
                events.add(worker);
            }
        }
        long requests = 0;
        long limited = 0;
        long sequence = 0;
        long end = 0;
        var sends = new ArrayDeque<Long>();
        double peak = 0;
        while (!events.isEmpty()) {
            Worker worker = events.poll();
            long t = worker.nextSend;
            requests++;
            sends.addLast(t);
            while (sends.peekFirst() < t - 10 * S) {
                sends.removeFirst();
            }
            peak = Math.max(peak, sends.size() / 10.0);
            long wait = bucket == null ? 0 : bucket.tryAcquire(t);
            long done;
            if (wait > 0) {
                limited++;
                done = t;
                long retryAfter = (wait + S - 1) / S * S;
                worker.nextSend = Math.max(t + retryAfter, t + pacingNanos);
            } else {
                int inFlight = 1;
                for (int w = 0; w < workers; w++) {
                    if (w != worker.index && busyUntil[w] > t) {
                        inFlight++;
                    }
                }
                Endpoint endpoint = worker.endpoint();
                long latency = DistributionSampler.sampleNanos(config.latency().get(endpoint),
                        SeededDraws.unit(config.seed(), SeededDraws.LATENCY_U, sequence),
                        SeededDraws.unit(config.seed(), SeededDraws.LATENCY_V, sequence));
                sequence++;
                if (config.concurrencyKnee() != null) {
                    latency = Math.round(latency * config.concurrencyKnee().factor(inFlight));
                }
                done = t + latency;
                busyUntil[worker.index] = done;
                long paced = pacing == Pacing.AFTER_RESPONSE ? done + pacingNanos : Math.max(done, t + pacingNanos);
                worker.advance(done, paced);
                if (worker.finished()) {
                    end = Math.max(end, done);
                    if (!worker.take(queue, catalogue, config, paced)) {
                        continue;
                    }
                }
            }
            end = Math.max(end, done);
            events.add(worker);
        }
        return new Result(workers, requests, limited, end / 1e9, peak);
    }

    /** One worker's position in its current extension's workflow. */
    private static final class Worker {
        final int index;
        long nextSend;
        int step;
        long dueAt;

        Worker(int index) {
            this.index = index;
        }

        boolean take(ArrayDeque<String> queue, ExtensionCatalogue catalogue, SimulatorConfig config, long at) {
            String id = queue.poll();
            if (id == null) {
                return false;
            }
            String key = id.toLowerCase(java.util.Locale.ROOT);
            long analysis = catalogue.isPreAnalysed(key) ? 0 : DistributionSampler.sampleNanos(config.analysisTime(),
                    SeededDraws.unit(config.seed(), SeededDraws.ANALYSIS_TIME, SeededDraws.hash(key) + 1),
                    SeededDraws.unit(config.seed(), SeededDraws.ANALYSIS_TIME_V, SeededDraws.hash(key) + 1));
            step = 0;
            nextSend = at;
            dueAt = at + analysis;
            return true;
        }

        Endpoint endpoint() {
            return step == 0 ? Endpoint.ANALYZE : step == 1 ? Endpoint.STATUS : Endpoint.RESULTS;
        }

        /** The request sent at nextSend was answered at {@code done}; pacing allows the next at {@code paced}. */
        void advance(long done, long paced) {
            if (step == 0) {
                step = 1;
                nextSend = paced;
            } else if (step == 1) {
                if (done >= dueAt) {
                    step = 2;
                    nextSend = paced;
                } else {
                    nextSend = Math.max(paced, done + 2 * S);
                }
            } else {
                step = 3;
            }
        }

        boolean finished() {
            return step == 3;
        }
    }

    public static void main(String[] args) {
        SimulatorConfig config = SimulatorProfile.VSCAN.config();
        System.out.println("| workers | pacing | requests | 429s | duration (vscan s) | peak rps (10 s window) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Pacing pacing : Pacing.values()) {
            for (int workers : new int[] {1, 3, 5, 7}) {
                Result r = run(config, workers, 1_500_000_000L, pacing);
                System.out.printf("| %d | %s | %d | %d | %.0f | %.1f |%n", r.workers(), pacing, r.requests(), r.http429(),
                        r.seconds(), r.peakRps());
            }
        }
    }
}
