package io.vscanpoc.core.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.CacheAware;
import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import io.vscanpoc.core.ScanOutcome.Failure;
import io.vscanpoc.core.ScanResult;
import io.vscanpoc.core.ScanTask;
import io.vscanpoc.core.scanner.internal.ThreadNames;
import io.vscanpoc.core.testing.FakeVscanClient;
import io.vscanpoc.core.testing.FakeVscanClient.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelScannerOutcomeTest {

    private static final ExtensionId PYTHON = ExtensionId.parse("ms-python.python");

    private static <R> Failure<Integer, R> onlyFailure(ScanTask<Integer, R> task) {
        var report = ParallelScanner.<Integer, R>builder().maxConcurrency(1).build().scan(List.of(7), task);
        var outcome = report.outcomes().getFirst();
        assertInstanceOf(Failure.class, outcome);
        return (Failure<Integer, R>) outcome;
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCategory.class, names = {"CANCELLED", "INTERNAL"}, mode = EnumSource.Mode.EXCLUDE)
    void aVscanExceptionFailsWithItsCategoryAndStatus(ErrorCategory category) {
        Exception thrown = FakeVscanClient.exceptionFor(category, PYTHON);
        var failure = onlyFailure(item -> {
            throw thrown;
        });
        assertEquals(category, failure.category());
        assertEquals(((io.vscanpoc.core.error.VscanException) thrown).httpStatus().orElse(0), failure.httpStatus());
        assertEquals(thrown.getMessage(), failure.message());
        assertSame(thrown, failure.cause());
        assertTrue(failure.started());
    }

    @Test
    void statusesComeThroughForHttpCategories() {
        var client = new FakeVscanClient(d -> {})
                .failWith(PYTHON, ErrorCategory.RATE_LIMITED);
        var report = ParallelScanner.<ExtensionId, ScanResult>builder().maxConcurrency(1).build()
                .scan(List.of(PYTHON), client::scan);
        assertEquals(429, ((Failure<ExtensionId, ScanResult>) report.outcomes().getFirst()).httpStatus());
    }

    @Test
    void otherExceptionsAreInternalAndNamedByType() {
        var checked = onlyFailure(item -> {
            throw new IOException("disk\nsecond line");
        });
        assertEquals(ErrorCategory.INTERNAL, checked.category());
        assertEquals("task threw java.io.IOException: disk", checked.message());
        assertEquals(0, checked.httpStatus());

        var unchecked = onlyFailure(item -> {
            throw new IllegalStateException();
        });
        assertEquals(ErrorCategory.INTERNAL, unchecked.category());
        assertEquals("task threw java.lang.IllegalStateException", unchecked.message());

        var nullResult = onlyFailure(item -> null);
        assertEquals(ErrorCategory.INTERNAL, nullResult.category());
        assertEquals("task returned null", nullResult.message());

        var spontaneous = onlyFailure(item -> {
            throw new InterruptedException("nobody asked");
        });
        assertEquals(ErrorCategory.INTERNAL, spontaneous.category());
        assertTrue(spontaneous.message().contains("without being cancelled"), spontaneous.message());
    }

    private static int recurse(int depth) {
        return depth == Integer.MIN_VALUE ? 0 : recurse(depth + 1) + 1;
    }

    @Test
    void assertionAndStackOverflowErrorsFailOneTaskAndTheScanGoesOn() {
        var report = ParallelScanner.<Integer, Integer>builder().maxConcurrency(2).build()
                .scan(List.of(0, 1, 2, 3), item -> switch (item) {
                    case 1 -> throw new AssertionError("invariant broken");
                    case 2 -> recurse(0);
                    default -> item;
                });
        var assertion = (Failure<Integer, Integer>) report.outcomes().get(1);
        assertEquals(ErrorCategory.INTERNAL, assertion.category());
        assertEquals("task threw java.lang.AssertionError: invariant broken", assertion.message());
        var overflow = (Failure<Integer, Integer>) report.outcomes().get(2);
        assertEquals(ErrorCategory.INTERNAL, overflow.category());
        assertInstanceOf(StackOverflowError.class, overflow.cause());
        assertTrue(report.outcomes().get(0).succeeded() && report.outcomes().get(3).succeeded());
    }

    @Test
    void cacheHitsAreCountedFromTheValues() {
        record Value(boolean fromCache) implements CacheAware {}
        var report = ParallelScanner.<Integer, Value>builder().maxConcurrency(4).build()
                .scan(IntStream.range(0, 30).boxed().toList(), item -> new Value(item % 3 == 0));
        assertEquals(10, report.stats().cacheHits());
        assertEquals(30, report.stats().successes());
        assertEquals(10, report.outcomes().stream()
                .filter(o -> o instanceof ScanOutcome.Success<Integer, Value> s && s.fromCache()).count());
    }

    @Test
    void scansTheFakeClientEndToEnd() {
        var ids = List.of("ms-python.python", "esbenp.prettier-vscode", "ms-azuretools.vscode-docker",
                "ritwickdey.LiveServer").stream().map(ExtensionId::parse).toList();
        var client = new FakeVscanClient(d -> {})
                .script(ids.get(0), Step.succeedFromCache())
                .failWith(ids.get(1), ErrorCategory.SERVER_ERROR);
        var report = ParallelScanner.<ExtensionId, ScanResult>builder().maxConcurrency(2).build()
                .scan(ids, client::scan);
        assertEquals(3, report.successes());
        assertEquals(1, report.stats().cacheHits());
        assertEquals(1, report.stats().failures(ErrorCategory.SERVER_ERROR));
        assertEquals(4, client.callCount());
        assertTrue(client.calls().stream().allMatch(FakeVscanClient.Call::virtualThread));
        assertEquals(Set.of("scan-ms-python.python", "scan-esbenp.prettier-vscode",
                        "scan-ms-azuretools.vscode-docker", "scan-ritwickdey.LiveServer"),
                Set.copyOf(client.calls().stream().map(FakeVscanClient.Call::thread).toList()));
    }

    @Test
    void listenerCallbacksRunOnTheWorkerThreadStartedBeforeFinished() {
        var listener = new Tasks.RecordingListener<Integer, Integer>(200);
        var taskThreads = new ConcurrentHashMap<Integer, String>();
        var report = ParallelScanner.<Integer, Integer>builder()
                .maxConcurrency(8)
                .listener(listener)
                .build()
                .scan(IntStream.range(0, 200).boxed().toList(), item -> {
                    taskThreads.put(item, Thread.currentThread().getName());
                    return item;
                });
        assertEquals(200, report.successes());
        assertTrue(listener.eachFinishedExactlyOnce());
        var events = new ArrayList<>(listener.events);
        for (int i = 0; i < 200; i++) {
            String thread = taskThreads.get(i);
            assertEquals("scan-" + i, thread);
            int started = events.indexOf("started " + i + " on " + thread);
            int finished = events.indexOf("finished " + i + " on " + thread);
            assertTrue(started >= 0 && finished > started, "item " + i + ": " + started + " then " + finished);
        }
        assertTrue(listener.finishedThreads.stream().allMatch(Thread::isVirtual));
    }

    @Test
    void aThrowingListenerIsLoggedAndChangesNothing() {
        ScanListener<Object, Object> broken = new ScanListener<>() {
            @Override
            public void started(int index, Object item) {
                throw new IllegalStateException("started broke");
            }

            @Override
            public void finished(ScanOutcome<Object, Object> outcome) {
                throw new AssertionError("finished broke");
            }
        };
        try (var log = new CapturedLog()) {
            var report = ParallelScanner.<Integer, Integer>builder()
                    .maxConcurrency(4)
                    .listener(broken)
                    .build()
                    .scan(IntStream.range(0, 50).boxed().toList(), item -> item);
            assertEquals(50, report.successes());
            assertEquals(50, report.stats().successes());
            var warnings = log.at(Level.WARNING);
            assertEquals(2, warnings.size(), "the first failure, then a total");
            assertTrue(warnings.get(0).getThrown() != null);
            assertTrue(warnings.get(1).getMessage().contains("threw 100 times"), warnings.get(1).getMessage());
            assertEquals(99, log.at(Level.FINE).size());
        }
    }

    @Test
    void threadsAreNamedAfterTheirItemsSafely() {
        var names = new ConcurrentHashMap<Integer, String>();
        String longName = "x".repeat(500);
        try (var log = new CapturedLog()) {
            ParallelScanner.<Integer, Integer>builder()
                    .maxConcurrency(2)
                    .threadName(item -> switch (item) {
                        case 0 -> "scan-evil\n\u001b[31mred\u0000";
                        case 1 -> longName;
                        case 2 -> throw new IllegalArgumentException("no name");
                        case 3 -> null;
                        default -> "scan-ok";
                    })
                    .build()
                    .scan(List.of(0, 1, 2, 3, 4), item -> {
                        names.put(item, Thread.currentThread().getName());
                        return item;
                    });
            assertEquals(1, log.at(Level.WARNING).size(), "the throwing name function was logged");
        }
        assertEquals("scan-evil??[31mred?", names.get(0));
        assertEquals(ThreadNames.MAX_LENGTH, names.get(1).length());
        assertTrue(names.get(1).endsWith("..."));
        assertEquals("scan-2", names.get(2));
        assertEquals("scan-3", names.get(3));
        assertEquals("scan-ok", names.get(4));
    }

    @Test
    void theBuilderRejectsBadSettings() {
        var builder = ParallelScanner.<Integer, Integer>builder();
        assertThrows(IllegalStateException.class, builder::build, "maxConcurrency is required");
        assertThrows(IllegalArgumentException.class, () -> builder.maxConcurrency(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxConcurrency(-3));
        assertThrows(IllegalArgumentException.class, () -> builder.taskTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builder.deadline(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> builder.deadline(Duration.ofDays(365L * 101)));
        assertThrows(NullPointerException.class, () -> builder.listener(null));
        assertThrows(NullPointerException.class, () -> builder.failurePolicy(null));
        assertThrows(IllegalArgumentException.class, () -> FailurePolicy.failFastOn(ErrorCategory.CANCELLED));
        var scanner = builder.maxConcurrency(5).taskTimeout(Duration.ofSeconds(1)).build();
        assertEquals(5, scanner.maxConcurrency());
        assertEquals(Duration.ofSeconds(1), scanner.taskTimeout().orElseThrow());
        assertTrue(scanner.deadline().isEmpty());
        assertFalse(scanner.failurePolicy().failsFast());
        assertThrows(NullPointerException.class, () -> scanner.scan(java.util.Arrays.asList(1, null), i -> i));
        assertThrows(NullPointerException.class, () -> scanner.scan(List.of(1), null));
    }
}
