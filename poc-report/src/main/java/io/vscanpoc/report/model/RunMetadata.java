package io.vscanpoc.report.model;

import io.vscanpoc.core.BuildInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a PoC run was: where it pointed, on what, and how it was run.
 *
 * @param toolVersion the tool's version, e.g. {@link BuildInfo#version()}
 * @param apiUrl the API base URL scanned against (the simulator's loopback URL when simulated)
 * @param simulation the simulator's profile, settings and ground truth; null for a real run
 * @param environment JVM, OS, architecture and cores
 * @param datasetSize extensions in the dataset
 * @param startedAt when the run started
 * @param endedAt when the run ended (or was interrupted)
 * @param totalRequests HTTP requests the client sent over the whole run, warm-up and cache
 *     fill passes included
 * @param warmup whether an untimed pass warmed the server's cache before timing
 * @param order the scenario order
 * @param repetitions timed repetitions planned per scenario
 * @param timeScale real seconds per vscan second (1 against vscan.dev); the report divides
 *     measured durations by it to show vscan time
 * @param partial the run was interrupted; only the scenarios that finished are in the results
 */
public record RunMetadata(
        String toolVersion,
        String apiUrl,
        Simulation simulation,
        Environment environment,
        int datasetSize,
        Instant startedAt,
        Instant endedAt,
        long totalRequests,
        boolean warmup,
        ScenarioOrder order,
        int repetitions,
        double timeScale,
        boolean partial) {

    public RunMetadata {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(order, "order");
        if (datasetSize < 0 || totalRequests < 0) {
            throw new IllegalArgumentException("datasetSize and totalRequests must not be negative");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, got " + timeScale);
        }
    }

    /** True when the run went to the simulator rather than to vscan.dev. */
    public boolean simulated() {
        return simulation != null;
    }

    /** A builder; tool version and environment default to this build's and this JVM's. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the run's metadata. Required: apiUrl, datasetSize, startedAt, endedAt,
     * totalRequests, warmup, order, repetitions. Defaults: toolVersion {@link BuildInfo#version()},
     * environment {@link Environment#current()}, not simulated, time scale 1, not partial.
     */
    public static final class Builder {
        private String toolVersion = BuildInfo.version();
        private String apiUrl;
        private String simulatorProfile;
        private Map<String, Object> simulatorSettings;
        private Map<String, Object> groundTruth;
        private Environment environment;
        private Integer datasetSize;
        private Instant startedAt;
        private Instant endedAt;
        private Long totalRequests;
        private Boolean warmup;
        private ScenarioOrder order;
        private Integer repetitions;
        private double timeScale = 1.0;
        private boolean partial;

        private Builder() {}

        public Builder toolVersion(String value) {
            toolVersion = value;
            return this;
        }

        public Builder apiUrl(String value) {
            apiUrl = value;
            return this;
        }

        /** Marks the run simulated, with the simulator profile's name and effective settings. */
        public Builder simulated(String profile, Map<String, ?> settings) {
            simulatorProfile = Objects.requireNonNull(profile, "profile");
            simulatorSettings = new LinkedHashMap<>(settings);
            return this;
        }

        /** The simulator's counters at the end of the run; only for a simulated run. */
        public Builder groundTruth(Map<String, ?> value) {
            groundTruth = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        public Builder environment(Environment value) {
            environment = value;
            return this;
        }

        public Builder datasetSize(int value) {
            datasetSize = value;
            return this;
        }

        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        public Builder endedAt(Instant value) {
            endedAt = value;
            return this;
        }

        public Builder totalRequests(long value) {
            totalRequests = value;
            return this;
        }

        public Builder warmup(boolean value) {
            warmup = value;
            return this;
        }

        public Builder order(ScenarioOrder value) {
            order = value;
            return this;
        }

        public Builder repetitions(int value) {
            repetitions = value;
            return this;
        }

        public Builder timeScale(double value) {
            timeScale = value;
            return this;
        }

        public Builder partial(boolean value) {
            partial = value;
            return this;
        }

        /**
         * The metadata.
         *
         * @throws IllegalStateException naming every required value that was not set, or when
         *     ground truth was given for a run not marked simulated
         */
        public RunMetadata build() {
            var missing = new ArrayList<String>();
            require(apiUrl, "apiUrl", missing);
            require(datasetSize, "datasetSize", missing);
            require(startedAt, "startedAt", missing);
            require(endedAt, "endedAt", missing);
            require(totalRequests, "totalRequests", missing);
            require(warmup, "warmup", missing);
            require(order, "order", missing);
            require(repetitions, "repetitions", missing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("RunMetadata is missing " + String.join(", ", missing));
            }
            if (groundTruth != null && simulatorProfile == null) {
                throw new IllegalStateException("ground truth given for a run that is not simulated");
            }
            var simulation = simulatorProfile == null
                    ? null
                    : new Simulation(simulatorProfile, simulatorSettings, groundTruth);
            return new RunMetadata(
                    toolVersion,
                    apiUrl,
                    simulation,
                    environment != null ? environment : Environment.current(),
                    datasetSize,
                    startedAt,
                    endedAt,
                    totalRequests,
                    warmup,
                    order,
                    repetitions,
                    timeScale,
                    partial);
        }

        private static void require(Object value, String name, List<String> missing) {
            if (value == null) {
                missing.add(name);
            }
        }
    }
}
