package io.vscanpoc.core.client;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.error.VscanException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM with a small heap by {@link BodySizeCapTest}. {@code client <base>} scans one
 * extension through {@link HttpVscanClient} and prints the outcome's category and message;
 * {@code buffering <base>} is the control: it reads the same results body with the JDK's
 * {@code ofString()} handler, which buffers it whole. Either prints the peak heap it used.
 */
public final class LargeBodyProbe {

    private LargeBodyProbe() {}

    /** What a probe run printed, and how it exited. */
    record Outcome(int exitCode, String output) {}

    /**
     * Runs the probe in a child JVM with a 48 MB heap that exits with status 3 on the first
     * {@link OutOfMemoryError}, against the stub at {@code base}.
     */
    static Outcome runInSmallHeap(String mode, URI base) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var process = new ProcessBuilder(List.of(
                        java.toString(), "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("java.class.path"),
                        LargeBodyProbe.class.getName(), mode, base.toString()))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not finish");
        }
        return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1]);
        if (args[0].equals("client")) {
            var config = VscanClientConfig.builder()
                    .baseUrl(base)
                    .pacingDelay(Duration.ZERO)
                    .retryPolicy(RetryPolicy.none())
                    .build();
            try (var client = new HttpVscanClient(config)) {
                client.scan(ExtensionId.parse("big.body"));
                System.out.println("OK");
            } catch (VscanException e) {
                System.out.println(e.category() + ": " + e.getMessage());
            }
        } else {
            try (var http = HttpClient.newHttpClient()) {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/results/x")).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println("BUFFERED " + response.body().length());
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.println("PEAK_HEAP_BYTES " + peak);
    }
}
