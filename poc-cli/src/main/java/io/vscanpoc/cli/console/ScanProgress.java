package io.vscanpoc.cli.console;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The brief's per-extension progress line, {@code [k/N] id 🔍|⚡ ✓|✗ (category)}, with an ETA. It
 * runs on worker threads (see {@link ScanListener}); {@link PrintStream} serialises the lines, and
 * the counter makes {@code k} the completion order, which is what a reader watching it expects.
 */
public final class ScanProgress implements ScanListener<ExtensionId, ScanResult> {

    private static final int ID_WIDTH = 40;

    private final PrintStream out;
    private final ConsoleStyle style;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();

    public ScanProgress(PrintStream out, ConsoleStyle style, int total) {
        this.out = out;
        this.style = style;
        this.total = total;
    }

    @Override
    public void finished(ScanOutcome<ExtensionId, ScanResult> outcome) {
        int k = done.incrementAndGet();
        String id = pad(outcome.item().toString());
        String line = switch (outcome) {
            case ScanOutcome.Success<ExtensionId, ScanResult> s ->
                    (s.fromCache() ? "⚡" : "🔍") + " " + style.green("✓");
            case ScanOutcome.Failure<ExtensionId, ScanResult> f ->
                    "🔍 " + style.red("✗") + " (" + f.category() + (f.httpStatus() != 0 ? " " + f.httpStatus() : "") + ")";
        };
        out.printf("    [%d/%d] %s %s%s%n", k, total, id, line, eta(k));
    }

    private String eta(int k) {
        if (k >= total) {
            return "";
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        long remainingMillis = elapsed.toMillis() * (total - k) / k;
        return String.format("  ETA %.1fs", remainingMillis / 1000.0);
    }

    private static String pad(String id) {
        return id.length() >= ID_WIDTH ? id : id + " ".repeat(ID_WIDTH - id.length());
    }
}
