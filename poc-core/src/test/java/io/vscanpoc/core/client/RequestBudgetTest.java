package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.StubVscanServer.Reply;
import io.vscanpoc.core.error.BudgetExhaustedException;
import io.vscanpoc.core.error.VscanException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    @Test
    void sixtyFourThreadsRacingNeverTakeMoreThanTheBudget() throws Exception {
        for (long limit : new long[] {0, 1, 63, 1000}) {
            var budget = RequestBudget.of(limit);
            var taken = new AtomicLong();
            var go = new CountDownLatch(1);
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 64; t++) {
                    executor.submit(() -> {
                        go.await();
                        while (budget.tryAcquire()) {
                            taken.incrementAndGet();
                        }
                        return null;
                    });
                }
                go.countDown();
            }
            assertEquals(limit, taken.get());
            assertEquals(limit, budget.spent());
            assertTrue(budget.isExhausted());
            assertEquals(0, budget.remaining().orElseThrow());
            assertTrue(!budget.tryAcquire());
        }
    }

    @Test
    void anUnlimitedBudgetCountsButNeverRefuses() {
        var budget = RequestBudget.unlimited();
        for (int i = 0; i < 1000; i++) {
            assertTrue(budget.tryAcquire());
        }
        assertEquals(1000, budget.spent());
        assertTrue(budget.limit().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> RequestBudget.of(-1));
    }

    @Test
    void sixtyFourWorkersRacingForTheLastRequestsSendExactlyTheBudgetThenNothing() throws Exception {
        try (var stub = StubVscanServer.start()) {
            // Every fifth submit is rate limited, so retries race for the budget too.
            stub.on(Endpoint.ANALYZE, (request, n) -> n % 5 == 4
                    ? Reply.withHeader(429, "Retry-After", "0")
                    : Reply.json(202, "{\"analysisId\":\"id-" + n + "\"}"));
            var time = new ManualTime();
            var budget = RequestBudget.of(100);
            var config = stub.config(time).lanes(64).requestBudget(budget).build();
            var go = new CountDownLatch(1);
            try (var client = new HttpVscanClient(config)) {
                var futures = new ArrayList<Future<?>>();
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = 0; i < 64; i++) {
                        var id = ExtensionId.parse("racer.ext" + i);
                        futures.add(executor.submit(() -> {
                            go.await();
                            return client.scan(id);
                        }));
                    }
                    go.countDown();
                }
                int succeeded = 0;
                int refused = 0;
                for (var future : futures) {
                    try {
                        future.get();
                        succeeded++;
                    } catch (ExecutionException e) {
                        var failure = assertInstanceOf(VscanException.class, e.getCause());
                        assertEquals(ErrorCategory.BUDGET_EXHAUSTED, failure.category(), failure.getMessage());
                        refused++;
                    }
                }
                assertEquals(64, succeeded + refused);
                assertTrue(refused > 0, "192 requests wanted, 100 allowed");
                assertEquals(100, stub.requests().size(), "the server saw exactly the budget");
                var stats = client.stats();
                assertEquals(100, stats.requests());
                assertEquals(100, budget.spent());
                assertTrue(stats.budgetRefusals() >= refused);

                var late = assertThrows(BudgetExhaustedException.class, () -> client.scan(ExtensionId.parse("late.comer")));
                assertTrue(late.getMessage().contains("budget"), late.getMessage());
                assertEquals(100, stub.requests().size(), "nothing more was sent");
                assertEquals(stats.budgetRefusals() + 1, client.stats().budgetRefusals());
            }
        }
    }

    @Test
    void aRetryTheBudgetRefusesIsNeitherSentNorCountedAsARetry() throws Exception {
        try (var stub = StubVscanServer.start()) {
            stub.script(Endpoint.ANALYZE, Reply.status(503));
            var time = new ManualTime();
            try (var client = new HttpVscanClient(stub.config(time).requestBudget(RequestBudget.of(2)).build())) {
                assertThrows(BudgetExhaustedException.class, () -> client.scan(ExtensionId.parse("a.b")));
                var stats = client.stats();
                assertEquals(2, stats.requests());
                assertEquals(1, stats.retries());
                assertEquals(1, stats.budgetRefusals());
                assertEquals(2, stub.requests().size());
            }
        }
    }

    @Test
    void oneBudgetCanCapSeveralClients() throws Exception {
        try (var stub = StubVscanServer.start()) {
            var time = new ManualTime();
            var budget = RequestBudget.of(4);
            try (var first = new HttpVscanClient(stub.config(time).requestBudget(budget).build());
                    var second = new HttpVscanClient(stub.config(time).requestBudget(budget).build())) {
                first.scan(ExtensionId.parse("a.b"));
                assertThrows(BudgetExhaustedException.class, () -> second.scan(ExtensionId.parse("c.d")));
                assertEquals(List.of(Endpoint.ANALYZE, Endpoint.STATUS, Endpoint.RESULTS, Endpoint.ANALYZE),
                        stub.requests().stream().map(StubVscanServer.Recorded::endpoint).toList());
                assertEquals(Duration.ZERO, time.slept());
            }
        }
    }
}
