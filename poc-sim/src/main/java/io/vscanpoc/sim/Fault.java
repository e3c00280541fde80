package io.vscanpoc.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected misbehaviour, applied to one request. Faults are scripted ({@link
 * VscanSimulator#script(Fault...)} and friends) or drawn at random ({@link FaultRate}); every
 * applied fault is counted in {@link SimulatorStats#faultsInjected()}.
 *
 * <p>Faults that replace the answer ({@link HttpError}, {@link RateLimited}, {@link
 * Disconnect.Stage#BEFORE_RESPONSE}, {@link OversizeBody}) leave the server state alone: a faulted
 * {@code analyze} starts no analysis. The others process the request normally first, as a real
 * service whose answer was lost or mangled on the way would: a submit whose body is truncated has
 * still started its analysis.
 */
public sealed interface Fault {

    /** An error status such as 500, 502, 503 or 504, with a small JSON error body. */
    static Fault httpError(int status) {
        return new HttpError(status);
    }

    /** A 429 with {@code Retry-After: seconds} (vscan seconds, whole, rounded up). */
    static Fault rateLimited(Duration retryAfter) {
        long seconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
        return new RateLimited(Long.toString(seconds));
    }

    /**
     * A 429 with this exact {@code Retry-After} value, for example an HTTP-date such as {@code Wed,
     * 21 Oct 2015 07:28:00 GMT}; {@code null} sends none.
     */
    static Fault rateLimitedWithHeader(String retryAfter) {
        return new RateLimited(retryAfter);
    }

    /** The normal answer, after an extra {@code delay} of vscan time: beyond a client's timeout. */
    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    /** The connection is closed before any byte of the response is sent. */
    static Fault closeBeforeResponse() {
        return new Disconnect(Disconnect.Stage.BEFORE_RESPONSE);
    }

    /** The headers promise the full Content-Length; half the body is sent, then the connection closes. */
    static Fault closeMidBody() {
        return new Disconnect(Disconnect.Stage.MID_BODY);
    }

    /** 200 with the first half of the normal JSON body (Content-Length matches what is sent). */
    static Fault truncatedJson() {
        return new MalformedBody(MalformedBody.Kind.TRUNCATED_JSON);
    }

    /** 200 with valid JSON whose key fields have the wrong types (score as a string, and so on). */
    static Fault wrongTypes() {
        return new MalformedBody(MalformedBody.Kind.WRONG_TYPES);
    }

    /** 200 with an HTML maintenance page and {@code Content-Type: text/html}. */
    static Fault htmlErrorPage() {
        return new MalformedBody(MalformedBody.Kind.HTML_PAGE);
    }

    /** 200 with a JSON-looking body of {@code bytes} bytes, streamed in chunks, never held in memory. */
    static Fault oversizeBody(long bytes) {
        return new OversizeBody(bytes);
    }

    /** The analysis this request starts or concerns ends {@code failed}. */
    static Fault analysisFails() {
        return new AnalysisFails();
    }

    /** The analysis this request starts or concerns never completes: it reports analyzing forever. */
    static Fault analysisNeverCompletes() {
        return new AnalysisNeverCompletes();
    }

    /** Answers with {@code status} instead of the normal answer. */
    record HttpError(int status) implements Fault {
        public HttpError {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an HTTP error fault needs a 4xx or 5xx status, got " + status);
            }
        }
    }

    /** Answers 429 with {@code retryAfter} as the header value, or no header when it is null. */
    record RateLimited(String retryAfter) implements Fault {}

    /** Delays the normal answer by {@code delay} of vscan time. */
    record Delay(Duration delay) implements Fault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, got " + delay);
            }
        }
    }

    /** Closes the connection at {@code stage}. It is a close (FIN), not a TCP reset. */
    record Disconnect(Stage stage) implements Fault {
        public Disconnect {
            Objects.requireNonNull(stage, "stage");
        }

        /** When the connection is closed. */
        public enum Stage {
            /** Before the status line. */
            BEFORE_RESPONSE,
            /** After the headers and half the body. */
            MID_BODY
        }
    }

    /** Replaces the normal body by a malformed one. */
    record MalformedBody(Kind kind) implements Fault {
        public MalformedBody {
            Objects.requireNonNull(kind, "kind");
        }

        /** How the body is malformed. */
        public enum Kind {
            /** The first half of the JSON. */
            TRUNCATED_JSON,
            /** Valid JSON, wrong types in the fields a client reads. */
            WRONG_TYPES,
            /** An HTML page instead of JSON. */
            HTML_PAGE
        }
    }

    /** Streams {@code bytes} bytes of body. */
    record OversizeBody(long bytes) implements Fault {
        public OversizeBody {
            if (bytes < 1) {
                throw new IllegalArgumentException("oversize body needs at least 1 byte, got " + bytes);
            }
        }
    }

    /** Makes the analysis end failed. */
    record AnalysisFails() implements Fault {}

    /** Makes the analysis never complete. */
    record AnalysisNeverCompletes() implements Fault {}
}
