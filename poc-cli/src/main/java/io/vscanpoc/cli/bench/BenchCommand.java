package io.vscanpoc.cli.bench;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.vscanpoc.cli.Command;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vscan-poc bench}: measures the scanner on synthetic items, prints a summary and optionally
 * writes the figures as JSON (the keys are {@link ScannerBenchmark.Result}'s components).
 */
@Parameters(
        commandNames = "bench",
        commandDescription = "Measure the parallel scanner on synthetic items that each sleep a fixed latency")
public final class BenchCommand implements Command {

    /** Most workers accepted. */
    public static final int MAX_WORKERS = 100_000;

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Parameter(names = "--items", description = "Number of synthetic items (at least 1)")
    private int items = 100_000;

    @Parameter(names = "--workers", description = "Concurrency cap, 1 to " + MAX_WORKERS)
    private int workers = 1_000;

    @Parameter(names = "--latency-ms", description = "How long each item's task sleeps, in ms (0 or more)")
    private long latencyMs = 20;

    @Parameter(names = "--json", description = "Also write the figures to this JSON file")
    private Path json;

    @Parameter(names = "--warm-up-ms", description = "Warm-up before anything is timed, in ms (0 or more)")
    private long warmUpMs = ScannerBenchmark.DEFAULT_WARM_UP.toMillis();

    @Parameter(names = "--repeat", description = "Timed runs per figure; the median is reported (1 to 100)")
    private int repeat = ScannerBenchmark.DEFAULT_REPEATS;

    @Override
    public int run(PrintStream out, PrintStream err) throws Exception {
        validate();
        var measurement = new ScannerBenchmark(Duration.ofMillis(warmUpMs), repeat).run(items, workers, latencyMs);
        var result = measurement.result();
        printSummary(out, measurement);
        if (json != null) {
            write(result);
            out.println("  written to " + json);
        }
        return ExitCode.GO;
    }

    private void validate() {
        if (items < 1) {
            throw new UsageException("--items must be at least 1, got " + items);
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new UsageException("--workers must be between 1 and " + MAX_WORKERS + ", got " + workers);
        }
        if (latencyMs < 0) {
            throw new UsageException("--latency-ms must not be negative, got " + latencyMs);
        }
        if (warmUpMs < 0) {
            throw new UsageException("--warm-up-ms must not be negative, got " + warmUpMs);
        }
        if (repeat < 1 || repeat > 100) {
            throw new UsageException("--repeat must be between 1 and 100, got " + repeat);
        }
    }

    private void write(ScannerBenchmark.Result result) {
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(json, JSON.writeValueAsString(result) + System.lineSeparator());
        } catch (IOException e) {
            throw new UsageException("cannot write --json file " + json + ": " + e.getMessage());
        }
    }

    private static void printSummary(PrintStream out, ScannerBenchmark.Measurement m) {
        var r = m.result();
        out.printf(Locale.ROOT, "bench: %d items, %d workers, %d ms latency per item (medians of %d runs)%n",
                r.items(), r.workers(), r.latencyMs(), m.scannerRuns().size());
        out.printf(Locale.ROOT, "  scanner           %9.3f s   ideal %.3f s, efficiency %.3f, peak concurrency %d, peak heap %.1f MB  [runs %s]%n",
                r.wallSeconds(), r.idealSeconds(), r.efficiency(), r.peakConcurrency(), r.peakHeapMb(), runs(m.scannerRuns()));
        out.printf(Locale.ROOT, "  scanner overhead  %9.3f us per task (same items and workers, 0 ms latency)  [runs %s]%n",
                r.overheadMicrosPerTask(), runs(m.overheadRuns()));
        if (r.platformThreadsWallSeconds() == null) {
            out.printf(Locale.ROOT, "  platform threads  could not create %d platform threads%n", r.workers());
        } else {
            out.printf(Locale.ROOT, "  platform threads  %9.3f s   fixed pool of %d  [runs %s]%n",
                    r.platformThreadsWallSeconds(), r.workers(), runs(m.platformRuns()));
        }
    }

    private static String runs(java.util.List<Double> seconds) {
        return String.join(" ", seconds.stream().map(s -> String.format(Locale.ROOT, "%.3fs", s)).toList());
    }
}
