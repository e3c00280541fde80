package io.vscanpoc.cli.hardening;

import io.vscanpoc.cli.hardening.BadInputCases.BadInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test class running catalogue cases shares: one {@link Tripwire} for the class, and a way to
 * run one case in a fresh directory, by any runner (in-process or the jar), and check it was refused
 * as documented. Register it as {@code @RegisterExtension static final CatalogueWorkspace}.
 */
public final class CatalogueWorkspace implements BeforeAllCallback, AfterAllCallback {

    private Tripwire tripwire;

    @Override
    public void beforeAll(ExtensionContext context) {
        tripwire = Tripwire.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        tripwire.close();
    }

    /** Writes the fixtures into {@code dir} and returns the placeholder values for it. */
    public Map<String, String> prepare(Path dir) {
        BadInputCases.writeFixtures(dir);
        var values = new HashMap<String, String>();
        values.put("<tmp>", dir.toString());
        values.put("<api>", tripwire.apiUrl());
        return values;
    }

    /**
     * Runs {@code c} in {@code dir} with {@code runner} and asserts it was refused as documented;
     * a case needing an unreadable file or unwritable directory this machine cannot provide is
     * skipped with the reason.
     */
    public void assertRefused(BadInput c, Path dir, Function<List<String>, CliRun> runner) {
        Map<String, String> values = prepare(dir);
        if (c.needs("<unreadable>")) {
            values.put("<unreadable>", Unusable.unreadableFile(dir).map(Path::toString).orElseGet(() -> skip(
                    "no file here refuses reading: as root only the kernel can refuse, and no write-only sysfs file exists")));
        }
        if (c.needs("<unwritable>")) {
            values.put("<unwritable>", Unusable.unwritableDirectory(dir).map(Path::toString).orElseGet(() -> skip(
                    "no directory here refuses new files: as root only the kernel can refuse, and /sys is not mounted")));
        }
        if (c.needs("/proc/")) {
            Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        }
        var before = BadInputCases.tree(dir);
        CliRun run = runner.apply(BadInputCases.argv(c, values));
        BadInputCases.assertRefused(c, run, values, before, dir, tripwire);
    }

    private static String skip(String why) {
        Assumptions.abort(why);
        throw new AssertionError(why);
    }
}
