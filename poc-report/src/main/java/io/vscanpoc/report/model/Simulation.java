package io.vscanpoc.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a simulated run was simulated.
 *
 * @param profile the simulator profile's name
 * @param settings the profile's effective settings (latency, rate limit, faults...), JSON-able
 *     values: strings, numbers, booleans, lists and maps of those, or null
 * @param groundTruth the simulator's own counters at the end of the run (what it serves as
 *     {@code /__sim/stats}), JSON-able as above; null when they could not be read
 */
public record Simulation(String profile, Map<String, Object> settings, Map<String, Object> groundTruth) {

    public Simulation {
        Objects.requireNonNull(profile, "profile");
        settings = copy(Objects.requireNonNull(settings, "settings"));
        groundTruth = groundTruth == null ? null : copy(groundTruth);
    }

    // Keeps the caller's key order (the report lists settings as given) and allows null values,
    // which Map.copyOf does not.
    private static Map<String, Object> copy(Map<String, ?> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
