package io.vscanpoc.cli.options;

import com.beust.jcommander.Parameter;
import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where results go, and how the console looks. */
public final class OutputOptions {

    /** A real run's report; the brief's path. */
    public static final Path REAL_REPORT = Path.of("docs/research/parallel-scan-poc-results.md");
    /** A simulated run's report: never the real run's file, so a simulation cannot overwrite evidence. */
    public static final Path SIMULATED_REPORT = Path.of("docs/research/parallel-scan-poc-results-simulated.md");

    @Parameter(names = "--cache-dir", description = "PoC cache directory, separate from a production ~/.vscan (default ~/.vscan-poc)")
    public Path cacheDir;

    @Parameter(
            names = "--report",
            description = "Markdown report path (default docs/research/parallel-scan-poc-results.md, "
                    + "or ...-results-simulated.md with --simulate)")
    public Path report;

    @Parameter(names = "--json", description = "JSON results path (default: the report path with .json)")
    public Path json;

    @Parameter(names = "--quiet", description = "Print only the summary, the decision and the output paths")
    public boolean quiet;

    @Parameter(names = "--no-color", description = "Never colour the console output (it is plain anyway when not a terminal)")
    public boolean noColor;

    /**
     * Checks, before anything runs, what would otherwise fail only after the whole matrix: a report
     * path that is a directory or lies under a file, and a cache directory SQLite cannot open by
     * name. Nothing is created.
     *
     * @param simulated whether the run uses the simulator (it picks the default report path)
     */
    public void validate(boolean simulated) {
        checkWritablePath("--report", report(simulated));
        checkWritablePath("--json", json(simulated));
        try {
            CacheConfig.defaults(cacheDir());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cache-dir: " + e.getMessage());
        }
    }

    private static void checkWritablePath(String flag, Path path) {
        if (Files.isDirectory(path)) {
            throw new UsageException(flag + " " + path + " is a directory; give a file name");
        }
        for (Path parent = path.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                if (!Files.isDirectory(parent)) {
                    throw new UsageException(flag + " " + path + " cannot be written: " + parent + " is a file, not a directory");
                }
                return;
            }
        }
    }

    public Path cacheDir() {
        return cacheDir != null ? cacheDir : defaultCacheDir();
    }

    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".vscan-poc");
    }

    public Path report(boolean simulated) {
        if (report != null) {
            return report;
        }
        return simulated ? SIMULATED_REPORT : REAL_REPORT;
    }

    public Path json(boolean simulated) {
        if (json != null) {
            return json;
        }
        return withJsonExtension(report(simulated));
    }

    /** {@code x.md} becomes {@code x.json}; a name without {@code .md} gets {@code .json} appended. */
    public static Path withJsonExtension(Path path) {
        String name = path.getFileName().toString();
        String base = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return path.resolveSibling(base + ".json");
    }
}
