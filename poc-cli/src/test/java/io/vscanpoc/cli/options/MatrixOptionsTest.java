package io.vscanpoc.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.cli.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixOptionsTest {

    @Test
    void defaultsAreTheBriefsMatrix() {
        var options = new MatrixOptions();
        options.validate();
        assertEquals(List.of(1, 3, 5, 7), options.workerCounts());
        assertEquals(List.of("empty", "50/50"), options.cacheStateNames());
        assertTrue(options.warmupEnabled());
    }

    @Test
    void workersAreSortedAndDeduplicatedAndCacheStatesPutEmptyFirst() {
        var options = new MatrixOptions();
        options.workers = "5, 1,5";
        options.cacheStates = "50/50,empty";
        assertEquals(List.of(1, 5), options.workerCounts());
        assertEquals(List.of("empty", "50/50"), options.cacheStateNames());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0;between 1 and 1000", "-3;between 1 and 1000", "10000;between 1 and 1000", "three;whole numbers",
        "1,,3;empty item", "1.5;whole numbers"
    })
    void badWorkerCountsAreRejectedWithTheirValue(String workers, String expected) {
        var options = new MatrixOptions();
        options.workers = workers;
        var e = assertThrows(UsageException.class, options::validate);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void conflictingAndUnknownValuesAreRejected() {
        var options = new MatrixOptions();
        options.warmup = true;
        options.noWarmup = true;
        assertTrue(assertThrows(UsageException.class, options::validate).getMessage().contains("cannot be used together"));
        var order = new MatrixOptions();
        order.order = "random";
        assertTrue(assertThrows(UsageException.class, order::validate).getMessage().contains("fixed or shuffled"));
        var states = new MatrixOptions();
        states.cacheStates = "full";
        assertTrue(assertThrows(UsageException.class, states::validate).getMessage().contains("'full'"));
        var reps = new MatrixOptions();
        reps.repetitions = 0;
        assertTrue(assertThrows(UsageException.class, reps::validate).getMessage().contains("--repetitions"));
    }
}
