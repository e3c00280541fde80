package io.vscanpoc.cli.reliability;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanReport;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.client.ClientStats;
import io.vscanpoc.sim.SimulatorStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The fault matrix as a Markdown table, one line per row run, in the order the rows ran. The test
 * writes it to {@code target/fault-matrix.md}; docs/reliability.md pastes it.
 */
final class MatrixTable {

    private final double timeScale;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> lines = new ArrayList<>();

    MatrixTable(double timeScale) {
        this.timeScale = timeScale;
    }

    /** Records the run of {@code row}. */
    void add(FaultCase row, ScanReport<ExtensionId, ScanResult> report, ClientStats client, SimulatorStats sim) {
        String line = "| " + row.fault() + " | " + row.expectation() + " | " + observed(report) + " | "
                + client.requests() + " / " + sim.requests() + " | " + client.http429() + " / " + sim.http429()
                + " | " + client.retries() + " | " + time(report.wallTime()) + " |";
        lock.lock();
        try {
            lines.add(line);
        } finally {
            lock.unlock();
        }
    }

    /** Writes the table, after {@code setup} (how the rows were run), to {@code file}. */
    void write(Path file, String setup) throws IOException {
        var text = new StringBuilder();
        text.append(setup).append(" Time is the scan's wall time in real ms (in vscan seconds at the time scale ")
                .append(timeScale).append(", in brackets).\n\n");
        text.append("| fault | expected category (victims) | observed (all inputs) | requests client / sim")
                .append(" | 429s client / sim | retries | time taken |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        lock.lock();
        try {
            lines.forEach(line -> text.append(line).append('\n'));
        } finally {
            lock.unlock();
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Outcome counts, e.g. {@code 3 success, 2 SERVER_ERROR (503)}. */
    static String observed(ScanReport<ExtensionId, ScanResult> report) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ScanOutcome<ExtensionId, ScanResult> outcome : report.outcomes()) {
            String key = switch (outcome) {
                case ScanOutcome.Success<ExtensionId, ScanResult> s -> " success";
                case ScanOutcome.Failure<ExtensionId, ScanResult> f ->
                        f.category() + (f.httpStatus() == 0 ? "" : " (" + f.httpStatus() + ")");
            };
            counts.merge(key, 1, Integer::sum);
        }
        var text = new StringBuilder();
        counts.forEach((key, n) -> text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(key.strip()));
        return text.toString();
    }

    private String time(Duration wall) {
        double millis = wall.toNanos() / 1e6;
        return String.format(Locale.ROOT, "%.0f ms (%.1f s)", millis, millis / 1000 / timeScale);
    }
}
