package io.vscanpoc.cli.run;

import io.vscanpoc.cli.console.ConsoleStyle;
import io.vscanpoc.cli.input.ExtensionList;
import io.vscanpoc.cli.options.MatrixOptions;
import java.io.PrintStream;
import java.nio.file.Path;

/** The brief's banner; a simulated run says so on its first lines. */
final class Banner {

    private final PrintStream out;
    private final ConsoleStyle style;
    private final boolean quiet;

    Banner(PrintStream out, ConsoleStyle style, boolean quiet) {
        this.out = out;
        this.style = style;
        this.quiet = quiet;
    }

    void print(Target target, ExtensionList list, int scenarios, MatrixOptions matrix, Path cacheDir) {
        out.println(MatrixRun.RULE);
        out.println(style.bold("VS Code Extension Scanner - Parallel Scanning PoC"));
        out.println(MatrixRun.RULE);
        if (target.simulated()) {
            out.println(style.yellow("SIMULATED RUN: against poc-sim on " + target.apiUrl() + " (profile "
                    + target.simulatorConfig().profile() + ", time scale " + target.scale().factor()
                    + "), not vscan.dev. Its numbers test this tool, not the real service."));
        } else {
            out.println("API: " + target.apiUrl());
        }
        if (quiet) {
            return;
        }
        out.println("Test dataset: " + list.size() + " extensions (" + list.source() + ")");
        out.println("Test scenarios: " + scenarios + " (repetitions " + matrix.repetitions + ", order "
                + (matrix.shuffled() ? "shuffled, seed " + matrix.seed : "fixed") + ", warm-up "
                + (matrix.warmupEnabled() ? "on" : "off") + ")");
        out.println("PoC cache directory: " + cacheDir);
    }
}
