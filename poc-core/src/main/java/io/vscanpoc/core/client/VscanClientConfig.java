package io.vscanpoc.core.client;

import io.vscanpoc.core.BuildInfo;
import io.vscanpoc.core.client.internal.BaseUrl;
import io.vscanpoc.core.client.internal.MonotonicClock;
import io.vscanpoc.core.time.Sleeper;
import io.vscanpoc.core.time.TimeScale;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The settings of an {@link HttpVscanClient}, immutable and validated when built.
 *
 * <p>Durations are in <em>vscan time</em> (see {@link TimeScale}): the client multiplies every wait it
 * makes (pacing, poll interval, backoff, Retry-After, {@code maxWait}) and its request and connect
 * timeouts by {@link #timeScale()}. Scaling never takes a timeout below
 * {@link #MIN_REAL_TIMEOUT} (or below the configured value, if that is smaller), because a
 * compressed run on a loaded machine would otherwise time out on ordinary scheduling hiccups.
 *
 * <p>{@link Builder#build()} rejects a malformed base URL, and plain {@code http} to any host that is
 * not loopback, with an {@link IllegalArgumentException} whose message is one line; nothing is
 * resolved or connected to while checking. docs/client.md has the table of settings.
 */
public final class VscanClientConfig {

    /** The public vscan.dev API. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://vscan.dev/api/extensions");

    /** The shortest real request or connect timeout that time scaling produces. */
    public static final Duration MIN_REAL_TIMEOUT = Duration.ofMillis(250);

    /** The largest {@code maxBodyBytes} allowed: a body is kept in one array. */
    public static final long MAX_BODY_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    private final URI baseUrl;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final double pollIntervalGrowth;
    private final Duration maxWait;
    private final long maxBodyBytes;
    private final RetryPolicy retryPolicy;
    private final Duration pacingDelay;
    private final int lanes;
    private final OptionalDouble maxRequestsPerSecond;
    private final int rateBurst;
    private final RequestBudget requestBudget;
    private final TimeScale timeScale;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final String userAgent;

    private VscanClientConfig(Builder b) {
        this.baseUrl = BaseUrl.validate(b.baseUrl);
        this.requestTimeout = b.requestTimeout;
        this.connectTimeout = b.connectTimeout;
        this.pollInterval = b.pollInterval;
        this.maxPollInterval = b.maxPollInterval;
        this.pollIntervalGrowth = b.pollIntervalGrowth;
        this.maxWait = b.maxWait;
        this.maxBodyBytes = b.maxBodyBytes;
        this.retryPolicy = b.retryPolicy != null ? b.retryPolicy : RetryPolicy.defaults();
        this.pacingDelay = b.pacingDelay;
        this.lanes = b.lanes;
        this.maxRequestsPerSecond = b.maxRequestsPerSecond;
        this.rateBurst = b.rateBurst;
        this.requestBudget = b.requestBudget != null ? b.requestBudget : RequestBudget.unlimited();
        this.timeScale = b.timeScale;
        this.sleeper = b.sleeper;
        this.clock = b.clock != null ? b.clock : MonotonicClock.system();
        this.userAgent = b.userAgent;
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("maxPollInterval (" + maxPollInterval
                    + ") must not be shorter than pollInterval (" + pollInterval + ")");
        }
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: the real vscan.dev, real time. */
    public static VscanClientConfig defaults() {
        return builder().build();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        var b = new Builder();
        b.baseUrl = baseUrl;
        b.requestTimeout = requestTimeout;
        b.connectTimeout = connectTimeout;
        b.pollInterval = pollInterval;
        b.maxPollInterval = maxPollInterval;
        b.pollIntervalGrowth = pollIntervalGrowth;
        b.maxWait = maxWait;
        b.maxBodyBytes = maxBodyBytes;
        b.retryPolicy = retryPolicy;
        b.pacingDelay = pacingDelay;
        b.lanes = lanes;
        b.maxRequestsPerSecond = maxRequestsPerSecond;
        b.rateBurst = rateBurst;
        b.requestBudget = requestBudget;
        b.timeScale = timeScale;
        b.sleeper = sleeper;
        b.clock = clock;
        b.userAgent = userAgent;
        return b;
    }

    /** The API's base URL, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The longest one attempt may take, from sending it to the last byte of its answer (vscan time). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The longest a TCP/TLS connection may take to open (vscan time). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The wait between the first and the second status poll (vscan time). */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** The longest wait between two status polls (vscan time). */
    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    /** The factor each wait between polls grows by, up to {@link #maxPollInterval()}. */
    public double pollIntervalGrowth() {
        return pollIntervalGrowth;
    }

    /** The longest time polling may take before the scan fails as an analysis timeout (vscan time). */
    public Duration maxWait() {
        return maxWait;
    }

    /** The largest answer body accepted, in bytes. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** When and how failed requests are retried. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The least time between two consecutive requests of one worker (vscan time). */
    public Duration pacingDelay() {
        return pacingDelay;
    }

    /** The number of pacing lanes: how many scans may run at once; set it to the worker count. */
    public int lanes() {
        return lanes;
    }

    /** The global cap in requests per vscan second shared by all workers, if any. */
    public OptionalDouble maxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    /** How many requests the global cap lets through at once after an idle spell. */
    public int rateBurst() {
        return rateBurst;
    }

    /** The cap on total requests. */
    public RequestBudget requestBudget() {
        return requestBudget;
    }

    /** The factor from vscan time to real time. */
    public TimeScale timeScale() {
        return timeScale;
    }

    /** What every wait goes through. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** The time source for pacing, deadlines, timings and Retry-After dates. */
    public InstantSource clock() {
        return clock;
    }

    /** The {@code User-Agent} header sent with every request. */
    public String userAgent() {
        return userAgent;
    }

    /** {@link #requestTimeout()} in real time: scaled, but not below {@link #MIN_REAL_TIMEOUT}. */
    public Duration realRequestTimeout() {
        return scaledTimeout(requestTimeout);
    }

    /** {@link #connectTimeout()} in real time: scaled, but not below {@link #MIN_REAL_TIMEOUT}. */
    public Duration realConnectTimeout() {
        return scaledTimeout(connectTimeout);
    }

    private Duration scaledTimeout(Duration configured) {
        Duration scaled = timeScale.toReal(configured);
        Duration floor = configured.compareTo(MIN_REAL_TIMEOUT) < 0 ? configured : MIN_REAL_TIMEOUT;
        return scaled.compareTo(floor) < 0 ? floor : scaled;
    }

    @Override
    public String toString() {
        return "VscanClientConfig[baseUrl=" + baseUrl + ", lanes=" + lanes + ", pacingDelay=" + pacingDelay
                + ", maxRequestsPerSecond=" + maxRequestsPerSecond + ", budget=" + requestBudget
                + ", timeScale=" + timeScale.factor() + ", " + retryPolicy + "]";
    }

    /** Builds a {@link VscanClientConfig}; every setting starts at its default. Not thread-safe. */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration maxPollInterval = Duration.ofSeconds(5);
        private double pollIntervalGrowth = 1.5;
        private Duration maxWait = Duration.ofSeconds(300);
        private long maxBodyBytes = 10L * 1024 * 1024;
        private RetryPolicy retryPolicy;
        private Duration pacingDelay = Duration.ofMillis(1500);
        private int lanes = 1;
        private OptionalDouble maxRequestsPerSecond = OptionalDouble.empty();
        private int rateBurst = 1;
        private RequestBudget requestBudget;
        private TimeScale timeScale = TimeScale.REAL;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private InstantSource clock;
        private String userAgent = BuildInfo.userAgent();

        private Builder() {}

        /**
         * The API's base URL. Default {@code https://vscan.dev/api/extensions}. Must be absolute
         * {@code https}, or {@code http} to a loopback host (127.0.0.1, ::1, localhost) for the
         * simulator; without user info, query or fragment. Checked by {@link #build()}.
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * The base URL as text, for command lines.
         *
         * @throws IllegalArgumentException if {@code baseUrl} is not a URL; the message is one line
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(BaseUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /**
         * The longest one attempt may take, sending to last byte. Default 30 s: the earlier client's
         * value; the slowest observed answers took under 2 s, so 30 s only ends a hung connection.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive("requestTimeout", requestTimeout);
            return this;
        }

        /**
         * The longest opening a connection may take. Default 10 s: a TLS handshake takes well under
         * one; longer means the service is unreachable, and the retry policy decides what next.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * The wait between the first and second status poll. Default 2 s: the earlier client's
         * interval. The first poll is sent without waiting, because popular extensions are already
         * analysed on the server.
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = positive("pollInterval", pollInterval);
            return this;
        }

        /**
         * The cap on the growing poll interval. Default 5 s: a fresh analysis takes 30-45 s, so this
         * saves more than half the polls of a long analysis while finishing at most 5 s late.
         */
        public Builder maxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = positive("maxPollInterval", maxPollInterval);
            return this;
        }

        /**
         * The factor each wait between polls grows by. Default 1.5 (2, 3, 4.5, then 5 s): short
         * analyses are still seen quickly, long ones are not polled every 2 s. 1 keeps it fixed.
         */
        public Builder pollIntervalGrowth(double pollIntervalGrowth) {
            if (!(pollIntervalGrowth >= 1) || Double.isInfinite(pollIntervalGrowth)) {
                throw new IllegalArgumentException("pollIntervalGrowth must be 1 or more, got " + pollIntervalGrowth);
            }
            this.pollIntervalGrowth = pollIntervalGrowth;
            return this;
        }

        /**
         * The longest polling may take before the scan fails as an analysis timeout. Default 300 s:
         * the earlier client's value; over 120 s already means the service is degraded.
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = positive("maxWait", maxWait);
            return this;
        }

        /**
         * The largest answer accepted, counted while it streams in. Default 10 MiB: the earlier
         * client's cap; real reports are tens of kilobytes, so more is a broken or hostile server.
         */
        public Builder maxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
                throw new IllegalArgumentException(
                        "maxBodyBytes must be from 1 to " + MAX_BODY_BYTES_LIMIT + ", got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** When and how failed requests are retried. Default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The least time from one request of a worker to its next, across extensions. Default 1.5 s:
         * the earlier client's politeness delay, which it never actually applied. 0 disables it.
         */
        public Builder pacingDelay(Duration pacingDelay) {
            if (Objects.requireNonNull(pacingDelay, "pacingDelay").isNegative()) {
                throw new IllegalArgumentException("pacingDelay must not be negative, got " + pacingDelay);
            }
            this.pacingDelay = pacingDelay;
            return this;
        }

        /**
         * The number of pacing lanes, one per worker: set it to the scanner's worker count. A scan
         * holds a lane from start to end, so this also caps concurrent scans. Default 1: a forgotten
         * setting serialises scans (obvious, and polite) instead of flooding the service.
         */
        public Builder lanes(int lanes) {
            if (lanes < 1) {
                throw new IllegalArgumentException("lanes must be 1 or more, got " + lanes);
            }
            this.lanes = lanes;
            return this;
        }

        /**
         * A global cap in requests per vscan second, shared by all workers (a token bucket). Default
         * none: vscan.dev's limit is unknown, finding it is the PoC's purpose, and pacing already
         * bounds the rate at lanes / pacingDelay.
         */
        public Builder maxRequestsPerSecond(double maxRequestsPerSecond) {
            if (!(maxRequestsPerSecond > 0) || Double.isInfinite(maxRequestsPerSecond)) {
                throw new IllegalArgumentException(
                        "maxRequestsPerSecond must be a positive number, got " + maxRequestsPerSecond);
            }
            this.maxRequestsPerSecond = OptionalDouble.of(maxRequestsPerSecond);
            return this;
        }

        /**
         * The token bucket's size: how many requests the global cap lets through at once after an
         * idle spell. Default 1: requests are spaced evenly, the strictest reading of a limit.
         */
        public Builder rateBurst(int rateBurst) {
            if (rateBurst < 1) {
                throw new IllegalArgumentException("rateBurst must be 1 or more, got " + rateBurst);
            }
            this.rateBurst = rateBurst;
            return this;
        }

        /**
         * The cap on total requests, retries included. Default {@link RequestBudget#unlimited()}.
         * Share one budget between clients to cap a whole run.
         */
        public Builder requestBudget(RequestBudget requestBudget) {
            this.requestBudget = Objects.requireNonNull(requestBudget, "requestBudget");
            return this;
        }

        /** Real seconds per vscan second. Default {@link TimeScale#REAL}; use the simulator's factor against it. */
        public Builder timeScale(TimeScale timeScale) {
            this.timeScale = Objects.requireNonNull(timeScale, "timeScale");
            return this;
        }

        /** What every wait goes through. Default {@link Sleeper#SYSTEM}; tests inject one that skips waits. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The time source. Default: the system clock read through {@link System#nanoTime()}, so a
         * wall-clock step cannot shorten or stretch a pacing delay. Tests inject a manual clock.
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The {@code User-Agent}. Default {@link BuildInfo#userAgent()}, which names the tool and its home. */
        public Builder userAgent(String userAgent) {
            if (Objects.requireNonNull(userAgent, "userAgent").isBlank()
                    || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("userAgent must be non-blank printable ASCII");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException if the base URL is malformed or plain http to a host that
         *     is not loopback, or if maxPollInterval is shorter than pollInterval; one-line message
         */
        public VscanClientConfig build() {
            return new VscanClientConfig(this);
        }

        private static Duration positive(String name, Duration value) {
            if (!Objects.requireNonNull(value, name).isPositive()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
