package io.vscanpoc.cli.reliability;

import io.vscanpoc.core.ErrorCategory;
import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.Fault;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One row of the fault matrix: what goes wrong, for which extensions, and what the scan must end
 * with. Rows are built with the factories below, so adding a fault to the matrix is one line in
 * {@link FaultMatrixTest#matrix()}.
 *
 * @param fault the row's name in the table
 * @param expectation what the table says should happen, for a reader
 * @param stage the request of each victim the script starts at
 * @param script the faults each victim's requests meet from {@code stage} on, one per request
 * @param unknownVictims the victims are extensions the marketplace does not have (404)
 * @param expected what every victim must end with
 * @param stopSimulatorAfter when positive, no script: the simulator is closed once this many
 *     extensions have succeeded, and what had not finished must end NETWORK
 * @param requestTimeout the client's request timeout, vscan time
 */
record FaultCase(
        String fault,
        String expectation,
        Stage stage,
        List<Fault> script,
        boolean unknownVictims,
        Expected expected,
        int stopSimulatorAfter,
        Duration requestTimeout) {

    FaultCase {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(expectation, "expectation");
        script = List.copyOf(script);
        if (!expected.minGaps().isEmpty() && stage != Stage.SUBMIT) {
            // Only a submit's body names its extension, so only submits can be told apart by victim.
            throw new IllegalArgumentException("retry gaps are checked on submits only: " + fault);
        }
    }

    /**
     * The request timeout of every row but the timeout rows: at a time scale of 0.02 the client's
     * default of 30 s is 600 ms of real time, and a loaded machine can take that long to stream the
     * 10 MiB the oversize row reads, which would turn the row into a timeout and a retry.
     */
    static final Duration ROOMY_TIMEOUT = Duration.ofSeconds(150);

    /** Each victim meets {@code script} from its request at {@code stage} on. */
    static FaultCase scripted(String fault, Stage stage, List<Fault> script, Expected expected) {
        return new FaultCase(fault, expected.describe(), stage, script, false, expected, 0, ROOMY_TIMEOUT);
    }

    /** The victims are unknown to the marketplace; nothing is scripted. */
    static FaultCase unknownExtensions(String fault, Expected expected) {
        return new FaultCase(fault, expected.describe(), Stage.SUBMIT, List.of(), true, expected, 0, ROOMY_TIMEOUT);
    }

    /** The simulator is closed while the scan runs, once {@code successes} extensions have succeeded. */
    static FaultCase simulatorStopped(String fault, int successes) {
        Expected expected = Expected.fails(ErrorCategory.NETWORK, 0, 3);
        return new FaultCase(fault, "success for what had finished, NETWORK (after 3 retries) for the rest",
                Stage.SUBMIT, List.of(), false, expected, successes, ROOMY_TIMEOUT);
    }

    /** The same row with the client's request timeout set to {@code timeout} (vscan time). */
    FaultCase requestTimeout(Duration timeout) {
        return new FaultCase(fault, expectation, stage, script, unknownVictims, expected, stopSimulatorAfter, timeout);
    }

    /** {@code fault}, {@code times} times in a row. */
    static List<Fault> times(int times, Fault fault) {
        return Collections.nCopies(times, fault);
    }

    /** True for the row that closes the simulator mid-run. */
    boolean stopsSimulator() {
        return stopSimulatorAfter > 0;
    }

    @Override
    public String toString() {
        return fault;
    }

    /**
     * Which request of a victim the script starts at. A victim is pre-analysed, so its scan is
     * exactly submit, one poll, fetch; the requests before {@code stage} meet a zero delay, a fault
     * that changes nothing, so that the script's first real fault lands on the right request.
     */
    enum Stage {
        SUBMIT(Endpoint.ANALYZE, 0),
        STATUS(Endpoint.STATUS, 1),
        RESULTS(Endpoint.RESULTS, 2);

        final Endpoint endpoint;
        final int requestsBefore;

        Stage(Endpoint endpoint, int requestsBefore) {
            this.endpoint = endpoint;
            this.requestsBefore = requestsBefore;
        }
    }

    /**
     * What a victim must end with.
     *
     * @param category the failure category, or null when the victim must succeed (a transient
     *     fault that a retry got past)
     * @param httpStatus the failure's HTTP status (0: none)
     * @param retries retries each victim's faulted request must have made
     * @param cause a check of the exception behind the failure
     * @param causeName what {@code cause} checks, for the table
     * @param minGaps the least vscan time between a victim's consecutive submits (the retry waits),
     *     empty when not checked
     * @param jdkMayResend the fault is a GET whose connection closes before any response: the JDK's
     *     HttpClient resends such a GET once, unseen by the client, when the connection was a reused
     *     keep-alive one, so the simulator may count more requests than the client sent. The CLI
     *     turns that off in {@code Main.main}; this test's JVM keeps the JDK's default, which is what
     *     an application embedding poc-core gets unless it does the same
     */
    record Expected(
            ErrorCategory category,
            int httpStatus,
            int retries,
            Predicate<Throwable> cause,
            String causeName,
            List<Duration> minGaps,
            boolean jdkMayResend) {

        Expected {
            minGaps = List.copyOf(minGaps);
        }

        static Expected fails(ErrorCategory category, int httpStatus, int retries) {
            return new Expected(category, httpStatus, retries, t -> true, null, List.of(), false);
        }

        static Expected recovers(int retries) {
            return new Expected(null, 0, retries, t -> true, null, List.of(), false);
        }

        Expected cause(String name, Predicate<Throwable> check) {
            return new Expected(category, httpStatus, retries, check, name, minGaps, jdkMayResend);
        }

        Expected apart(List<Duration> gaps) {
            return new Expected(category, httpStatus, retries, cause, causeName, gaps, jdkMayResend);
        }

        Expected mayBeResentByJdk() {
            return new Expected(category, httpStatus, retries, cause, causeName, minGaps, true);
        }

        boolean succeeds() {
            return category == null;
        }

        String describe() {
            String retried = retries == 0 ? "not retried" : "after " + retries + (retries == 1 ? " retry" : " retries");
            if (jdkMayResend) {
                retried += succeeds() ? " or the JDK's silent resend" : ", each attempt maybe resent once by the JDK";
            }
            if (succeeds()) {
                return "success " + retried;
            }
            String status = httpStatus == 0 ? "" : " (" + httpStatus + ")";
            String detail = causeName == null ? "" : ", " + causeName;
            return category + status + detail + ", " + retried;
        }
    }
}
