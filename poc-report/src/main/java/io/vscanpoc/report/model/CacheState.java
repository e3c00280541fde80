package io.vscanpoc.report.model;

/**
 * The state the result cache was put in before a scenario's timed run.
 *
 * <p>The JSON names ({@code "empty"}, {@code "50/50"}) are part of the report's JSON contract.
 */
public enum CacheState {
    /** Nothing cached: every extension is fetched from the API. */
    EMPTY("empty"),
    /** Exactly half of the dataset cached (rounded down), the other half fetched. */
    HALF("50/50");

    private final String jsonName;

    CacheState(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the JSON and in the report's tables: {@code empty} or {@code 50/50}. */
    public String jsonName() {
        return jsonName;
    }

    /** How many of {@code inputs} extensions this state promises to serve from the cache. */
    public int expectedCached(int inputs) {
        return this == EMPTY ? 0 : inputs / 2;
    }

    /**
     * The state with this JSON name.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static CacheState fromJsonName(String name) {
        for (var state : values()) {
            if (state.jsonName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown cache state: " + name + " (expected empty or 50/50)");
    }
}
