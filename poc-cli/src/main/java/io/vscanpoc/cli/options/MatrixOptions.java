package io.vscanpoc.cli.options;

import com.beust.jcommander.Parameter;
import io.vscanpoc.cli.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The scenario matrix: worker counts x cache states, repeated, warmed, ordered. */
public final class MatrixOptions {

    /** The CLI refuses more: beyond this a run is a load test, and vscan.dev is not ours to load. */
    public static final int MAX_WORKERS = 1000;

    @Parameter(names = "--workers", description = "Worker counts to test, comma-separated")
    public String workers = "1,3,5,7";

    @Parameter(names = "--cache-states", description = "Cache states to test, comma-separated: empty, 50/50")
    public String cacheStates = "empty,50/50";

    @Parameter(names = "--repetitions", description = "Times to run each scenario; 3 or more give a 95% interval")
    public int repetitions = 1;

    @Parameter(names = "--warmup", description = "Before timing, run one untimed pass so the server-side cache is warm for every scenario (default)")
    public boolean warmup;

    @Parameter(names = "--no-warmup", description = "Skip the warm-up pass (the first scenario then pays for cold server-side analyses)")
    public boolean noWarmup;

    @Parameter(names = "--order", description = "Scenario order: fixed (the brief's 1..8) or shuffled (seeded; spreads order effects)")
    public String order = "fixed";

    @Parameter(names = "--seed", description = "Seed for the 50/50 half and the shuffled order")
    public long seed = 42;

    public void validate() {
        workerCounts();
        cacheStateNames();
        if (repetitions < 1 || repetitions > 100) {
            throw new UsageException("--repetitions must be between 1 and 100, got " + repetitions);
        }
        if (warmup && noWarmup) {
            throw new UsageException("--warmup and --no-warmup cannot be used together");
        }
        shuffled();
    }

    public boolean warmupEnabled() {
        return !noWarmup;
    }

    public boolean shuffled() {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "fixed" -> false;
            case "shuffled" -> true;
            default -> throw new UsageException("--order must be fixed or shuffled, got '" + order + "'");
        };
    }

    /** The worker counts, ascending and de-duplicated. */
    public List<Integer> workerCounts() {
        var counts = new TreeSet<Integer>();
        for (String part : split(workers, "--workers")) {
            int value;
            try {
                value = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new UsageException("--workers takes whole numbers separated by commas, got '" + part + "'");
            }
            if (value < 1 || value > MAX_WORKERS) {
                throw new UsageException("--workers must each be between 1 and " + MAX_WORKERS + ", got " + value);
            }
            counts.add(value);
        }
        return List.copyOf(counts);
    }

    /** The cache states as given, "empty" and/or "50/50", in the brief's order. */
    public List<String> cacheStateNames() {
        var names = new ArrayList<String>();
        for (String part : split(cacheStates, "--cache-states")) {
            String name = part.toLowerCase(Locale.ROOT);
            if (!name.equals("empty") && !name.equals("50/50")) {
                throw new UsageException("--cache-states takes empty and/or 50/50, got '" + part + "'");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        names.sort((a, b) -> a.equals("empty") ? -1 : b.equals("empty") ? 1 : 0);
        return names;
    }

    private static List<String> split(String value, String flag) {
        var parts = new ArrayList<String>();
        for (String part : value.split(",", -1)) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                throw new UsageException(flag + " has an empty item in '" + value + "'");
            }
            parts.add(trimmed);
        }
        return parts;
    }
}
