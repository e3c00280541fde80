package io.vscanpoc.cli.cache;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cache.CacheInventory;
import io.vscanpoc.cache.IntegrityReport;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.Command;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.core.error.CacheException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code vscan-poc cache stats|check|clear [--cache-dir DIR]}: looks after the result cache between
 * runs. {@code stats} describes the file, {@code check} runs the integrity and content check (exit 0
 * when sound, {@link ExitCode#RUNTIME} when not, and nothing is moved or repaired), {@code clear}
 * removes every entry. A missing cache is reported, not created.
 */
@Parameters(commandNames = "cache", commandDescription = "Show, check or empty the result cache: cache stats|check|clear")
public final class CacheCommand implements Command {

    /** The PoC's cache directory unless {@code --cache-dir} says otherwise, kept apart from production's. */
    public static final Path DEFAULT_CACHE_DIR = Path.of(System.getProperty("user.home"), ".vscan-poc");

    private static final List<String> ACTIONS = List.of("stats", "check", "clear");

    @Parameter(description = "stats|check|clear")
    private List<String> action = new ArrayList<>();

    @Parameter(names = "--cache-dir", description = "Directory holding cache.db (default ~/.vscan-poc)")
    private Path cacheDir = DEFAULT_CACHE_DIR;

    @Override
    public int run(PrintStream out, PrintStream err) {
        String chosen = action();
        var config = CacheConfig.builder().directory(cacheDir);
        Path file;
        try {
            file = config.build().databaseFile();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cache-dir: " + e.getMessage());
        }
        if (!Files.exists(file)) {
            out.println("no cache at " + file + (chosen.equals("check") ? "; nothing to check" : ""));
            return ExitCode.GO;
        }
        return switch (chosen) {
            case "stats" -> stats(inspectOnly(config), out);
            case "check" -> check(inspectOnly(config), out);
            case "clear" -> clear(config.build(), out, err);
            default -> throw new IllegalStateException(chosen);
        };
    }

    private String action() {
        if (action.size() != 1 || !ACTIONS.contains(action.getFirst())) {
            throw new UsageException("cache: expected one action, stats, check or clear"
                    + (action.isEmpty() ? "" : ", got " + String.join(" ", action)));
        }
        return action.getFirst();
    }

    /** Inspecting must not change the file: no check that would move it aside on open. */
    private static CacheConfig inspectOnly(CacheConfig.Builder config) {
        return config.verifyOnOpen(false).moveDamagedAside(false).build();
    }

    private static int stats(CacheConfig config, PrintStream out) {
        try (var cache = SqliteResultCache.open(config)) {
            CacheInventory inventory = cache.inventory();
            out.println("cache: " + inventory.file());
            out.println("schema version " + inventory.schemaVersion() + ", journal mode " + inventory.journalMode());
            out.printf(Locale.ROOT, "entries: %d (%d fresh, %d older than %d days)%n", inventory.entries(),
                    inventory.freshEntries(), inventory.staleEntries(), config.maxAge().toDays());
            if (inventory.oldest().isPresent()) {
                out.println("scanned: " + inventory.oldest().get() + " .. " + inventory.newest().orElseThrow());
                out.println("risk levels: " + riskLevels(inventory));
            }
            out.println("size: " + bytes(inventory.databaseBytes()) + " database, " + bytes(inventory.walBytes()) + " WAL");
            return ExitCode.GO;
        } catch (CacheException e) {
            throw new RuntimeFailure(e.getMessage(), e);
        }
    }

    private static int check(CacheConfig config, PrintStream out) {
        IntegrityReport report;
        try (var cache = SqliteResultCache.open(config)) {
            report = cache.integrityCheck();
        } catch (CacheException e) {
            out.println("check FAILED: " + e.getMessage());
            return ExitCode.RUNTIME;
        }
        out.println("check " + report.summary());
        if (!report.ok()) {
            report.problems().forEach(problem -> out.println("  " + problem));
            return ExitCode.RUNTIME;
        }
        return ExitCode.GO;
    }

    private static int clear(CacheConfig config, PrintStream out, PrintStream err) {
        try (var cache = SqliteResultCache.open(config)) {
            cache.warnings().forEach(warning -> err.println("warning: " + warning));
            long entries = cache.count();
            cache.clear();
            out.println("cleared " + entries + " entries from " + cache.databaseFile());
            return ExitCode.GO;
        } catch (CacheException e) {
            throw new RuntimeFailure(e.getMessage(), e);
        }
    }

    private static String riskLevels(CacheInventory inventory) {
        return inventory.byRiskLevel().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> entry.getKey().apiName() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
