package io.vscanpoc.core.client;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.error.VscanException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Run in a child JVM with a small heap by {@link BodySizeCapTest}. {@code client <base>} scans one
 * extension through {@link HttpVscanClient} and prints the outcome's category and message;
 * {@code buffering <base>} is the control: it reads the same results body with the JDK's
 * {@code ofString()} handler, which buffers it whole. Either prints the peak heap it used.
 */
public final class LargeBodyProbe {

    private LargeBodyProbe() {}

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
