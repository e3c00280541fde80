package io.vscanpoc.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ExtensionId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other OS processes on the same cache file: a reader alongside a writer, and a writer killed mid-run. */
class MultiProcessTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void aSecondProcessReadsConsistentDataWhileThisOneWrites() throws Exception {
        int total = 2_000;
        try (var cache = SqliteResultCache.open(CacheConfig.defaults(dir))) {
            cache.put(TestReports.report(ExtensionId.parse("mp.e0"), 0, 4096));
            Process reader = ChildJvm.start(dir, ReadingProcess.class, dir.toString(), String.valueOf(total));
            CompletableFuture<String> errors = drain(reader);
            try (var lines = lines(reader)) {
                assertEquals("READY", lines.readLine());
                for (int i = 1; i < total; i++) {
                    cache.put(TestReports.report(ExtensionId.parse("mp.e" + i), i, 4096));
                }
                var output = new ArrayList<String>();
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                }
                assertTrue(reader.waitFor(60, TimeUnit.SECONDS));
                String stderr = errors.get();
                assertEquals(0, reader.exitValue(), stderr);
                assertFalse(stderr.contains("WARNING:"), stderr);

                List<String> counts = output.stream().filter(l -> l.startsWith("COUNT ")).toList();
                assertTrue(counts.size() >= 3, "the reader saw the count grow while we wrote: " + counts);
                assertEquals("COUNT " + total, counts.getLast());
                assertEquals(List.of(), output.stream().filter(l -> l.startsWith("MISSING")).toList());
                assertTrue(output.contains("CHECK ok (" + total + " rows checked)"), String.valueOf(output));
                assertTrue(output.contains("BUSY 0"), String.valueOf(output));
            } finally {
                kill(reader);
            }
            assertEquals(0, cache.stats().sqliteBusyErrors(), "a reading process never blocks the writer");
            assertTrue(cache.integrityCheck().ok());
        }
    }

    @Test
    void aWriterKilledTwentyTimesMidRunLosesNoAcknowledgedWriteAndNeverCorruptsTheFile() throws Exception {
        var random = new Random(20_260_110L);
        Map<String, Long> acknowledged = new HashMap<>();
        long totalAcks = 0;
        for (int run = 1; run <= KILLS; run++) {
            // Kill right after opening in some runs, deep into a stream of writes in others.
            int killAfter = run == 1 ? 0 : random.nextInt(400);
            Process writer = ChildJvm.start(dir, CrashingWriterProcess.class, dir.toString(), String.valueOf(run));
            CompletableFuture<String> errors = drain(writer);
            int acks = 0;
            try (var lines = lines(writer)) {
                assertEquals("READY", lines.readLine(), () -> "run " + writer.pid() + ": " + errors.join());
                String line;
                while (acks < killAfter && (line = lines.readLine()) != null) {
                    acks += record(line, acknowledged);
                }
                // SIGKILL on Linux: no shutdown hooks, no close(). Through the handle, because
                // Process.destroyForcibly() also closes our end of the pipes, and the lines still
                // in them are acknowledgements too.
                kill(writer);
                assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
                // Acknowledgements printed before the kill and still in the pipe count too.
                while ((line = lines.readLine()) != null) {
                    acks += record(line, acknowledged);
                }
            } finally {
                kill(writer); // also when the test failed half-way: a child never outlives its test
            }
            assertEquals(137, writer.exitValue(), "killed by SIGKILL");
            String stderr = errors.get();
            assertFalse(stderr.contains("WARNING:"), stderr);
            totalAcks += acks;

            try (var cache = SqliteResultCache.open(CacheConfig.defaults(dir))) {
                assertEquals(List.of(), cache.warnings(), "run " + run + ": the file was not damaged");
                IntegrityReport report = cache.integrityCheck();
                assertTrue(report.ok(), "run " + run + ": " + report.summary());
                for (var entry : acknowledged.entrySet()) {
                    var stored = cache.get(ExtensionId.parse(entry.getKey()));
                    assertTrue(stored.isPresent(), "run " + run + ": acknowledged " + entry.getKey() + " is missing");
                    long version = Long.parseLong(stored.get().version().substring(2));
                    // An overwritten key may hold a later write that committed but was not acknowledged yet.
                    assertTrue(version >= entry.getValue(),
                            "run " + run + ": " + entry.getKey() + " went back from " + entry.getValue() + " to " + version);
                }
            }
        }
        assertTrue(totalAcks > KILLS * 50, "enough writes were acknowledged to mean something: " + totalAcks);
    }

    private static int record(String line, Map<String, Long> acknowledged) {
        if (line.startsWith("FAILED")) {
            throw new AssertionError("the writer failed before it was killed: " + line);
        }
        if (!line.startsWith("ACK ")) {
            return 0;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            return 0; // not an acknowledgement
        }
        acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
        return 1;
    }

    private static void kill(Process process) {
        process.toHandle().destroyForcibly();
    }

    private static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<String> drain(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "cannot read stderr: " + e;
            }
        }, r -> Thread.ofVirtual().start(r));
    }
}
