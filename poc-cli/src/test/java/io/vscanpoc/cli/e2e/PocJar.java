package io.vscanpoc.cli.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded {@code poc-cli.jar} as a child process, exactly as a user would with
 * {@code java -jar}, on the JDK that runs the tests.
 */
final class PocJar {

    /** A finished run. */
    record Result(int exitCode, String stdout, String stderr) {}

    /** A child still running; its output is collected as it comes. */
    static final class Running implements AutoCloseable {
        final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread outPump;
        private final Thread errPump;

        Running(Process process) {
            this.process = process;
            this.outPump = Thread.ofVirtual().start(() -> pump(process.getInputStream(), out));
            this.errPump = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), err));
        }

        String stdoutSoFar() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("poc-cli.jar did not finish within " + timeout + "; stdout so far:\n" + stdoutSoFar());
            }
            outPump.join();
            errPump.join();
            return new Result(process.exitValue(), stdoutSoFar(), err.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }

        private static void pump(InputStream in, ByteArrayOutputStream sink) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (sink) {
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // The child died; what was read so far is kept.
            }
        }
    }

    private PocJar() {}

    static Path jar() {
        Path jar = Path.of(System.getProperty("poc.jar", "target/poc-cli.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no shaded jar at " + jar + "; run through 'mvnw verify'");
        }
        return jar;
    }

    static Running start(Path workDir, List<String> args) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(args);
        try {
            var builder = new ProcessBuilder(command).directory(workDir.toFile());
            builder.environment().remove("VSCAN_POC_DEBUG");
            return new Running(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(Path workDir, Duration timeout, String... args) throws InterruptedException {
        try (var running = start(workDir, List.of(args))) {
            return running.await(timeout);
        }
    }
}
