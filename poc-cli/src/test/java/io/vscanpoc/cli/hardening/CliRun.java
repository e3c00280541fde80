package io.vscanpoc.cli.hardening;

import io.vscanpoc.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What one run of the tool printed and returned, in-process or from the shaded jar. */
public record CliRun(int exitCode, String stdout, String stderr) {

    /** Runs {@code io.vscanpoc.cli.Main.run} in this JVM. */
    public static CliRun inProcess(List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args.toArray(String[]::new), outStream, errStream);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public List<String> stderrLines() {
        return stderr.lines().toList();
    }
}
