package io.vscanpoc.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bad-input catalogue: every case, the files it needs, and what it must produce. The in-process
 * test and the jar IT run the same cases, and docs/bad-inputs.md is rendered from this table (a test
 * keeps the two equal), so the documented error line is the observed one.
 *
 * <p>Placeholders in arguments and lines: {@code <tmp>} the test's temporary directory, {@code <api>}
 * the {@link Tripwire}'s URL, {@code <unreadable>} and {@code <unwritable>} paths found at run time
 * ({@link Unusable}). Every run-command case also gets {@code --cache-dir <tmp>/cache --report
 * <tmp>/out/report.md} unless it names them, and {@code --api-url <api>} unless it names
 * {@code --simulate} or {@code --api-url}, so a case that wrongly got through would hit the tripwire,
 * never the real vscan.dev.
 */
public final class BadInputCases {

    public static final String HINT = "Run 'vscan-poc --help' for usage.";

    /**
     * One bad input.
     *
     * @param group what kind of input it is (the catalogue's sections)
     * @param name what is wrong with it, for people
     * @param input how the input is shown in the catalogue, or null to show {@code args}
     * @param args the command line, before placeholders are filled and the standard tail added
     * @param exitCode the documented exit code
     * @param line the one error line on stderr (the hint line follows for exit 2)
     */
    public record BadInput(String group, String name, String input, List<String> args, int exitCode, String line) {

        public boolean needs(String placeholder) {
            return line.contains(placeholder) || args.stream().anyMatch(a -> a.contains(placeholder));
        }

        @Override
        public String toString() {
            return group + ": " + name;
        }
    }

    /** The warning a corrupt cache.db gives; {@code <timestamp>} varies. */
    public static final String CORRUPT_WARNING = "vscan-poc: warning: cache file <tmp>/corrupt/cache.db was damaged "
            + "(not an SQLite database: its first bytes are not the SQLite header); moved it to "
            + "cache.db.corrupt-<timestamp> and started an empty cache";
    /** The same for a file that has the SQLite header and garbage after it. */
    public static final String CORRUPT_WITH_HEADER_WARNING = "vscan-poc: warning: cache file <tmp>/corrupt/cache.db was "
            + "damaged ([SQLITE_NOTADB] File opened that is not a database file (file is not a database)); moved it to "
            + "cache.db.corrupt-<timestamp> and started an empty cache";

    private static final String ID_ALPHABET = "may hold only ASCII letters, digits, '-' and '_'";

    private BadInputCases() {}

    /** Every case, in catalogue order. */
    public static List<BadInput> all() {
        var cases = new ArrayList<BadInput>();
        // Extension IDs: each file is read and every line validated before anything is opened or sent.
        ids(cases, "an empty file", "ids-empty.txt", "(0 bytes)", "vscan-poc: <tmp>/ids-empty.txt holds no extension IDs");
        ids(cases, "only comments and blank lines (blank lines are skipped, so there is no empty-string ID)",
                "ids-comments.txt", "`# ...`, blank and whitespace-only lines",
                "vscan-poc: <tmp>/ids-comments.txt holds no extension IDs");
        ids(cases, "empty publisher", "ids-empty-publisher.txt", "`.python`",
                "vscan-poc: <tmp>/ids-empty-publisher.txt, line 1: invalid extension ID '.python': publisher is empty");
        ids(cases, "empty name", "ids-empty-name.txt", "`ms-python.`",
                "vscan-poc: <tmp>/ids-empty-name.txt, line 1: invalid extension ID 'ms-python.': name is empty");
        ids(cases, "no dot", "ids-no-dot.txt", "`mspython`",
                "vscan-poc: <tmp>/ids-no-dot.txt, line 1: invalid extension ID 'mspython': has no '.' between publisher and name");
        ids(cases, "a space inside", "ids-space.txt", "`ms python.python`",
                "vscan-poc: <tmp>/ids-space.txt, line 1: invalid extension ID 'ms python.python': publisher " + ID_ALPHABET);
        ids(cases, "`../` (on line 2, after a valid ID)", "ids-dotdot.txt", "`ms-python.python`, then `../etc.passwd`",
                "vscan-poc: <tmp>/ids-dotdot.txt, line 2: invalid extension ID '../etc.passwd': publisher is empty");
        ids(cases, "a path after the name", "ids-path.txt", "`ms-python.python/../../admin`",
                "vscan-poc: <tmp>/ids-path.txt, line 1: invalid extension ID 'ms-python.python/../../admin': name " + ID_ALPHABET);
        ids(cases, "a single quote", "ids-quote.txt", "`o'reilly.tools`",
                "vscan-poc: <tmp>/ids-quote.txt, line 1: invalid extension ID 'o'reilly.tools': publisher " + ID_ALPHABET);
        ids(cases, "SQL injection", "ids-sql.txt", "`ms-python.python'; DROP TABLE scan_results;--`",
                "vscan-poc: <tmp>/ids-sql.txt, line 1: invalid extension ID 'ms-python.python'; DROP TABLE scan_results;--': name "
                        + ID_ALPHABET);
        ids(cases, "a control character (U+0001)", "ids-control.txt", "`ms-python.py` U+0001 `thon`",
                "vscan-poc: <tmp>/ids-control.txt, line 1: invalid extension ID 'ms-python.py\\u0001thon': name " + ID_ALPHABET);
        ids(cases, "a NUL byte", "ids-nul.txt", "`ms-python.py` U+0000 `thon`",
                "vscan-poc: <tmp>/ids-nul.txt, line 1: invalid extension ID 'ms-python.py\\u0000thon': name " + ID_ALPHABET);
        ids(cases, "a terminal escape sequence (shown escaped, so it cannot recolour the terminal)", "ids-escape.txt",
                "ESC `[31mms-python.python`",
                "vscan-poc: <tmp>/ids-escape.txt, line 1: invalid extension ID '\\u001b[31mms-python.python': publisher "
                        + ID_ALPHABET);
        ids(cases, "a Unicode look-alike: Cyrillic s (U+0455)", "ids-cyrillic.txt", "`m\u0455-python.python`",
                "vscan-poc: <tmp>/ids-cyrillic.txt, line 1: invalid extension ID 'm\\u0455-python.python': publisher "
                        + ID_ALPHABET);
        ids(cases, "a Unicode look-alike: fullwidth full stop (U+FF0E)", "ids-fullwidth-dot.txt", "`ms-python\uFF0Epython`",
                "vscan-poc: <tmp>/ids-fullwidth-dot.txt, line 1: invalid extension ID 'ms-python\\uff0epython': has no '.' "
                        + "between publisher and name");
        ids(cases, "an invisible zero-width space (U+200B)", "ids-zero-width.txt", "`ms-python.py` U+200B `thon`",
                "vscan-poc: <tmp>/ids-zero-width.txt, line 1: invalid extension ID 'ms-python.py\\u200bthon': name "
                        + ID_ALPHABET);
        ids(cases, "a right-to-left override (U+202E, \"Trojan Source\")", "ids-rtl.txt", "`ms-python.` U+202E `nohtyp`",
                "vscan-poc: <tmp>/ids-rtl.txt, line 1: invalid extension ID 'ms-python.\\u202enohtyp': name " + ID_ALPHABET);
        ids(cases, "10 KB long", "ids-long.txt", "10,240 x `a`, then `.b`",
                "vscan-poc: <tmp>/ids-long.txt, line 1: invalid extension ID '" + "a".repeat(32)
                        + "...': longer than 256 characters");
        cases.add(new BadInput("Extension IDs", "installed extension with an empty publisher (skipped, so none is left)",
                "`--from-vscode` over one folder whose package.json has `\"publisher\": \"\"`",
                List.of("--from-vscode", "<tmp>/vscode"), 2, "vscan-poc: no installed extensions found under <tmp>/vscode"));

        // Flags: checked before the input is read.
        flag(cases, "0 workers", 2, "vscan-poc: --workers must each be between 1 and 1000, got 0", "--workers", "0");
        flag(cases, "negative workers", 2, "vscan-poc: --workers must each be between 1 and 1000, got -1", "--workers", "-1");
        flag(cases, "10,000 workers", 2, "vscan-poc: --workers must each be between 1 and 1000, got 10000", "--workers", "10000");
        flag(cases, "a non-numeric worker count", 2, "vscan-poc: --workers takes whole numbers separated by commas, got 'x'",
                "--workers", "1,x");
        flag(cases, "an empty worker count", 2, "vscan-poc: --workers has an empty item in '1,,3'", "--workers", "1,,3");
        flag(cases, "non-numeric repetitions", 2, "vscan-poc: \"--repetitions\": couldn't convert \"x\" to an integer",
                "--repetitions", "x");
        flag(cases, "0 repetitions", 2, "vscan-poc: --repetitions must be between 1 and 100, got 0", "--repetitions", "0");
        flag(cases, "a non-numeric delay", 2, "vscan-poc: \"--delay\": couldn't convert \"abc\" to a double", "--delay", "abc");
        flag(cases, "a negative delay", 2, "vscan-poc: --delay must be between 0 and 3600 seconds, got -1.0", "--delay", "-1");
        flag(cases, "a zero timeout", 2, "vscan-poc: --timeout must be between 0 and 3600 seconds, got 0.0", "--timeout", "0");
        flag(cases, "a zero request budget", 2, "vscan-poc: --max-requests must be at least 1, got 0", "--max-requests", "0");
        flag(cases, "an unknown simulator profile", 2,
                "vscan-poc: --sim-profile: unknown profile 'nope'; known profiles: vscan, ideal, strict, flaky",
                "--simulate", "--sim-profile", "nope");
        flag(cases, "a simulator error rate above 1", 2, "vscan-poc: --sim-error-rate must be between 0 and 1, got 2.0",
                "--simulate", "--sim-error-rate", "2");
        flag(cases, "a time scale of 0", 2, "vscan-poc: --time-scale must be a positive number (at most 1000), got 0.0",
                "--simulate", "--time-scale", "0");
        flag(cases, "a negative time scale", 2, "vscan-poc: --time-scale must be a positive number (at most 1000), got -1.0",
                "--simulate", "--time-scale", "-1");
        flag(cases, "an unknown scenario order", 2, "vscan-poc: --order must be fixed or shuffled, got 'random'",
                "--order", "random");
        flag(cases, "an unknown cache state", 2, "vscan-poc: --cache-states takes empty and/or 50/50, got 'full'",
                "--cache-states", "full");
        flag(cases, "--simulate with --api-url", 2,
                "vscan-poc: --simulate and --api-url cannot be used together (the simulator has its own URL)",
                "--simulate", "--api-url", "<api>");
        flag(cases, "--warmup with --no-warmup", 2, "vscan-poc: --warmup and --no-warmup cannot be used together",
                "--simulate", "--warmup", "--no-warmup");
        flag(cases, "--extensions with --from-vscode", 2, "vscan-poc: --extensions and --from-vscode cannot be used together",
                "--simulate", "--extensions", "<tmp>/ids-empty.txt", "--from-vscode");
        flag(cases, "a --sim-* flag without --simulate", 2, "vscan-poc: --sim-* flags need --simulate", "--sim-profile", "ideal");
        flag(cases, "an unknown flag", 2, "vscan-poc: unknown flag '--bogus'", "--simulate", "--bogus");
        flag(cases, "a stray argument", 2,
                "vscan-poc: unexpected argument 'extra' (a flag before it may be missing its value, or take none)",
                "--simulate", "extra");
        flag(cases, "a flag without its value", 2, "vscan-poc: Expected a value after parameter --workers",
                "--simulate", "--cache-dir", "<tmp>/cache", "--report", "<tmp>/out/report.md", "--workers");
        flag(cases, "a flag given twice", 2, "vscan-poc: Can only specify option --workers once.",
                "--simulate", "--workers", "1", "--workers", "3");
        flag(cases, "an unknown cache action", 2, "vscan-poc: cache: expected one action, stats, check or clear, got purge",
                "cache", "purge");

        // Files.
        file(cases, "missing", List.of("--extensions", "<tmp>/no-such.txt"),
                "vscan-poc: extensions file <tmp>/no-such.txt does not exist");
        file(cases, "unreadable (permission denied)", List.of("--extensions", "<unreadable>"),
                "vscan-poc: extensions file <unreadable> is not readable (permission denied)");
        file(cases, "a read error (EIO)", List.of("--extensions", "/proc/self/mem"),
                "vscan-poc: cannot read extensions file /proc/self/mem: Input/output error");
        file(cases, "a directory", List.of("--extensions", "<tmp>/a-directory"),
                "vscan-poc: extensions file <tmp>/a-directory is a directory, not a file");
        file(cases, "not UTF-8 (bytes FF FE on line 2)", List.of("--extensions", "<tmp>/not-utf8.txt"),
                "vscan-poc: extensions file <tmp>/not-utf8.txt is not UTF-8 text");
        file(cases, "a missing VS Code extensions directory", List.of("--from-vscode", "<tmp>/no-such-dir"),
                "vscan-poc: VS Code extensions directory <tmp>/no-such-dir does not exist or is not a directory");
        file(cases, "--report is a directory", List.of("--simulate", "--report", "<tmp>/a-directory"),
                "vscan-poc: --report <tmp>/a-directory is a directory; give a file name");
        file(cases, "--report under a regular file", List.of("--simulate", "--report", "<tmp>/afile/report.md"),
                "vscan-poc: --report <tmp>/afile/report.md cannot be written: <tmp>/afile is a file, not a directory");
        file(cases, "--json is a directory", List.of("--simulate", "--json", "<tmp>/a-directory"),
                "vscan-poc: --json <tmp>/a-directory is a directory; give a file name");

        // Cache directory: opened after validation, before the first request.
        cache(cases, "is a file", "<tmp>/afile", 3,
                "vscan-poc: the cache in <tmp>/afile is unusable: cache directory <tmp>/afile is a file, not a directory");
        cache(cases, "lies under a regular file", "<tmp>/afile/cache", 3,
                "vscan-poc: the cache in <tmp>/afile/cache is unusable: cannot create cache directory <tmp>/afile/cache: "
                        + "not a directory");
        cache(cases, "is unwritable", "<unwritable>", 3,
                "vscan-poc: the cache in <unwritable> is unusable: cache directory <unwritable> is not writable: "
                        + "permission denied");
        cache(cases, "cannot be created (under /proc)", "/proc/vscan-poc-cache", 3,
                "vscan-poc: the cache in /proc/vscan-poc-cache is unusable: cannot create cache directory "
                        + "/proc/vscan-poc-cache: no such file or directory");
        cache(cases, "holds a '?' (SQLite's JDBC driver would read the rest as options)", "<tmp>/c?journal_mode=off", 2,
                "vscan-poc: --cache-dir: cache directory <tmp>/c?journal_mode=off contains '?', which SQLite's JDBC driver "
                        + "would read as connection options; choose another directory");
        cases.add(new BadInput("Cache directory", "`cache stats` on a directory holding a '?'", null,
                List.of("cache", "stats", "--cache-dir", "<tmp>/c?x"), 2,
                "vscan-poc: --cache-dir: cache directory <tmp>/c?x contains '?', which SQLite's JDBC driver would read as "
                        + "connection options; choose another directory"));

        // --api-url: validated without any connection. The cache directory is a file as a safety net:
        // if validation ever let a URL through, the run would stop at the cache, before any request.
        url(cases, "plain http to a host that is not loopback", "http://example.com/api",
                "vscan-poc: refusing plain http to 'example.com', which is not a loopback host: use https (http is allowed "
                        + "only for 127.0.0.1, ::1 and localhost)");
        url(cases, "plain http to a loopback look-alike name", "http://localhost.example.com/api",
                "vscan-poc: refusing plain http to 'localhost.example.com', which is not a loopback host: use https (http is "
                        + "allowed only for 127.0.0.1, ::1 and localhost)");
        url(cases, "plain http to a private address", "http://10.0.0.1/api",
                "vscan-poc: refusing plain http to '10.0.0.1', which is not a loopback host: use https (http is allowed only "
                        + "for 127.0.0.1, ::1 and localhost)");
        url(cases, "malformed: a space in the scheme", "ht tp://x",
                "vscan-poc: --api-url is not a valid URL: 'ht tp://x'");
        url(cases, "malformed: no host", "https://", "vscan-poc: --api-url is not a valid URL: 'https://'");
        url(cases, "malformed: relative", "/api/extensions",
                "vscan-poc: --api-url must be an absolute http(s) URL with a host, got '/api/extensions'");
        url(cases, "another scheme", "ftp://example.com/api",
                "vscan-poc: invalid base URL 'ftp://example.com/api': the scheme must be https (or http to a loopback host), "
                        + "not 'ftp'");
        url(cases, "credentials in the URL (not echoed)", "https://user:s3cret@example.com/api",
                "vscan-poc: invalid base URL 'https://***@example.com/api': it must not contain user information");
        url(cases, "a query", "https://example.com/api?key=1",
                "vscan-poc: invalid base URL 'https://example.com/api?key=1': it must not have a query or a fragment");
        url(cases, "a port out of range", "https://example.com:99999/api",
                "vscan-poc: invalid base URL 'https://example.com:99999/api': port 99999 is out of range");
        return List.copyOf(cases);
    }

    private static void ids(List<BadInput> cases, String name, String file, String content, String line) {
        cases.add(new BadInput("Extension IDs", name, "`--extensions` file: " + content,
                List.of("--extensions", "<tmp>/" + file), 2, line));
    }

    private static void flag(List<BadInput> cases, String name, int exitCode, String line, String... args) {
        cases.add(new BadInput("Flags", name, null, List.of(args), exitCode, line));
    }

    private static void file(List<BadInput> cases, String name, List<String> args, String line) {
        cases.add(new BadInput("Files", name, null, args, 2, line));
    }

    private static void cache(List<BadInput> cases, String name, String dir, int exitCode, String line) {
        cases.add(new BadInput("Cache directory", name, null, List.of("--cache-dir", dir), exitCode, line));
    }

    private static void url(List<BadInput> cases, String name, String url, String line) {
        cases.add(new BadInput("--api-url", name, null, List.of("--api-url", url, "--cache-dir", "<tmp>/afile"), 2, line));
    }

    /** Creates every file the cases read, in {@code dir}. */
    public static void writeFixtures(Path dir) {
        try {
            Files.writeString(dir.resolve("ids-empty.txt"), "");
            Files.writeString(dir.resolve("ids-comments.txt"), "# nothing but comments\n\n   \n\t\n# ms-python.python\n");
            Files.writeString(dir.resolve("ids-empty-publisher.txt"), ".python\n");
            Files.writeString(dir.resolve("ids-empty-name.txt"), "ms-python.\n");
            Files.writeString(dir.resolve("ids-no-dot.txt"), "mspython\n");
            Files.writeString(dir.resolve("ids-space.txt"), "ms python.python\n");
            Files.writeString(dir.resolve("ids-dotdot.txt"), "ms-python.python\n../etc.passwd\n");
            Files.writeString(dir.resolve("ids-path.txt"), "ms-python.python/../../admin\n");
            Files.writeString(dir.resolve("ids-quote.txt"), "o'reilly.tools\n");
            Files.writeString(dir.resolve("ids-sql.txt"), "ms-python.python'; DROP TABLE scan_results;--\n");
            Files.writeString(dir.resolve("ids-control.txt"), "ms-python.py\u0001thon\n");
            Files.writeString(dir.resolve("ids-nul.txt"), "ms-python.py\u0000thon\n");
            Files.writeString(dir.resolve("ids-escape.txt"), "\u001b[31mms-python.python\n");
            Files.writeString(dir.resolve("ids-cyrillic.txt"), "m\u0455-python.python\n");
            Files.writeString(dir.resolve("ids-fullwidth-dot.txt"), "ms-python\uFF0Epython\n");
            Files.writeString(dir.resolve("ids-zero-width.txt"), "ms-python.py\u200Bthon\n");
            Files.writeString(dir.resolve("ids-rtl.txt"), "ms-python.\u202Enohtyp\n");
            Files.writeString(dir.resolve("ids-long.txt"), "a".repeat(10 * 1024) + ".b\n");
            Files.write(dir.resolve("not-utf8.txt"), concat("ms-python.python\n".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'}));
            Files.createDirectories(dir.resolve("a-directory"));
            Files.writeString(dir.resolve("afile"), "a regular file\n");
            Path folder = Files.createDirectories(dir.resolve("vscode/nameless-1.0.0"));
            Files.writeString(folder.resolve("package.json"), "{\"publisher\": \"\", \"name\": \"tool\", \"version\": \"1.0.0\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line of {@code c}: placeholders filled, the standard tail added. */
    public static List<String> argv(BadInput c, Map<String, String> values) {
        var args = new ArrayList<>(c.args().stream().map(a -> fill(a, values)).toList());
        boolean cacheCommand = args.getFirst().equals("cache");
        if (!args.contains("--cache-dir")) {
            args.addAll(List.of("--cache-dir", fill("<tmp>/cache", values)));
        }
        if (!cacheCommand && !args.contains("--report")) {
            args.addAll(List.of("--report", fill("<tmp>/out/report.md", values)));
        }
        if (!cacheCommand && !args.contains("--simulate") && !args.contains("--api-url")) {
            args.addAll(List.of("--api-url", fill("<api>", values)));
        }
        return args;
    }

    public static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (var entry : values.entrySet()) {
            filled = filled.replace(entry.getKey(), entry.getValue());
        }
        return filled;
    }

    /**
     * Asserts that {@code run} refused {@code c} as documented: the exit code, exactly the error line
     * (and the hint for exit 2), nothing on stdout, no trace of an exception, no file created or
     * changed under {@code dir}, no request sent.
     */
    public static void assertRefused(BadInput c, CliRun run, Map<String, String> values, Set<String> treeBefore,
            Path dir, Tripwire tripwire) {
        String line = fill(c.line(), values);
        var expected = c.exitCode() == 2 ? List.of(line, HINT) : List.of(line);
        assertEquals(expected, run.stderrLines(), c + ": stderr");
        assertEquals(c.exitCode(), run.exitCode(), c + ": exit code; stderr: " + run.stderr());
        assertEquals("", run.stdout(), c + ": stdout");
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), c + ": no stack trace");
        assertEquals(treeBefore, tree(dir), c + ": nothing written under the test directory");
        assertEquals(0, tripwire.requests(), c + ": no request sent");
    }

    /** Every path under {@code dir} with its size and modification time, to prove nothing changed. */
    public static Set<String> tree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.map(p -> {
                try {
                    return dir.relativize(p) + " " + (Files.isDirectory(p) ? "dir" : Files.size(p))
                            + " " + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return dir.relativize(p) + " unreadable";
                }
            }).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue as the Markdown table docs/bad-inputs.md holds; the corrupt-cache runs close the cache rows. */
    public static String markdownTable() {
        var table = new StringBuilder("| # | kind | case | input | exit | the one line on stderr |\n|---|---|---|---|---|---|\n");
        int n = 1;
        List<BadInput> all = all();
        for (int i = 0; i < all.size(); i++) {
            BadInput c = all.get(i);
            table.append(row(n++, c.group(), c.name(), c.input() != null ? c.input() : "`" + shown(c.args()) + "`",
                    Integer.toString(c.exitCode()), "`" + c.line() + "`"));
            boolean lastCacheRow = c.group().equals("Cache directory")
                    && (i + 1 == all.size() || !all.get(i + 1).group().equals("Cache directory"));
            if (lastCacheRow) {
                table.append(row(n++, c.group(), "holds a corrupt cache.db (random bytes): moved aside whole, the run goes on",
                        "64 KiB of random bytes in `<tmp>/corrupt/cache.db`", "0 or 1 (the decision)",
                        "`" + CORRUPT_WARNING + "` (a warning)"));
                table.append(row(n++, c.group(), "holds a corrupt cache.db (the SQLite header, then garbage)",
                        "`SQLite format 3\\0` and 8 KiB of random bytes", "0 or 1 (the decision)",
                        "`" + CORRUPT_WITH_HEADER_WARNING + "` (a warning)"));
            }
        }
        return table.toString();
    }

    private static String row(int n, String group, String name, String input, String exit, String line) {
        return "| " + n + " | " + cell(group) + " | " + cell(name) + " | " + cell(input) + " | " + exit + " | " + cell(line) + " |\n";
    }

    private static String shown(List<String> args) {
        return args.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).collect(Collectors.joining(" "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
