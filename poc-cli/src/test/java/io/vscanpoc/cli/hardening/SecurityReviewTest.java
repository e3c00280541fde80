package io.vscanpoc.cli.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.InvalidExtensionIdException;
import io.vscanpoc.core.client.HttpVscanClient;
import io.vscanpoc.core.client.RetryPolicy;
import io.vscanpoc.core.client.VscanClientConfig;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.error.NetworkException;
import io.vscanpoc.core.error.VscanException;
import io.vscanpoc.sim.SimulatorProfile;
import io.vscanpoc.sim.VscanSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test (or more) per point of docs/security.md. Points already proven by a module's own tests
 * are referenced there; what is here checks the point end to end or across modules.
 */
class SecurityReviewTest {

    @TempDir
    Path dir;

    // --- 1. HTTPS is required except for loopback -------------------------------------------------

    @Test
    void aRedirectIsNeverFollowedSoAnHttpsBaseCannotBeLedElsewhere() throws Exception {
        try (var server = MarkerServer.start(); var client = client(server.apiUrl())) {
            var e = assertThrows(MalformedResponseException.class, () -> client.scan(ExtensionId.parse("pub.redirect")));
            assertEquals(302, e.httpStatus().orElseThrow());
            assertTrue(server.requests().stream().noneMatch(r -> r.rawPath().equals(MarkerServer.REDIRECT_TARGET)),
                    "the Location was not requested: " + server.requests());
        }
    }

    private static final Pattern WEAKER_TLS = Pattern.compile("\\b(X509TrustManager|TrustManager|HostnameVerifier|SSLContext|"
            + "SSLParameters|disableHostnameVerification|trustStore|Redirect\\.(ALWAYS|NORMAL)|enableLoadExtension)\\b");

    @Test
    void noProductionSourceReplacesTheJdksTlsChecksOrFollowsRedirects() {
        var found = new ArrayList<String>();
        for (var source : MainSources.all()) {
            String code = source.code();
            Matcher m = WEAKER_TLS.matcher(code);
            while (m.find()) {
                found.add(source.path().getFileName() + " line " + lineOf(code, m.start()) + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, "the JDK's default trust store and hostname verification are used as they are");
        assertTrue(MainSources.all().stream().anyMatch(s -> s.code().contains(".followRedirects(HttpClient.Redirect.NEVER)")),
                "the client says so explicitly");
    }

    // --- 3. SQL uses bind parameters only ---------------------------------------------------------

    private static final Pattern SQL_CALL = Pattern.compile(
            "\\.(prepareStatement|prepareCall|executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch|prepare)\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    @Test
    void everySqlTextIsALiteralOrAConstantNeverAValue() {
        var violations = new ArrayList<String>();
        int sites = 0;
        for (var source : MainSources.all()) {
            if (!source.text().contains("import java.sql.")) {
                continue;
            }
            String code = source.code();
            boolean[] inLiteral = literalMask(code);
            Matcher call = SQL_CALL.matcher(code);
            while (call.find()) {
                if (inLiteral[call.start()]) {
                    continue;
                }
                int open = call.end() - 1;
                List<String> args = arguments(code, open);
                String sql = call.group(1).equals("prepare") ? (args.size() == 2 ? args.get(1) : null) : args.getFirst();
                if (sql == null) {
                    continue;
                }
                sites++;
                String problem = sqlProblem(sql, code, source.path());
                if (problem != null) {
                    violations.add(source.path().getFileName() + " line " + lineOf(code, open) + ": " + problem + " in ("
                            + sql.strip() + ")");
                }
            }
        }
        assertTrue(sites >= 25, "the scan found the SQL call sites (" + sites + "), so it is not vacuous");
        assertEquals(List.of(), violations, "SQL text built from something other than literals and constants");
    }

    @Test
    void theSqlCheckCatchesAConcatenatedValue() {
        String code = "import java.sql.*; class X { static final String T = \"t\";"
                + " void f(Statement s, String id) { s.executeQuery(\"SELECT * FROM \" + T + \" WHERE id = '\" + id + \"'\"); } }";
        String sql = arguments(code, code.indexOf("executeQuery(") + "executeQuery".length()).getFirst();
        assertEquals("'id' is not a string constant of this class", sqlProblem(sql, code, Path.of("X.java")));
    }

    @Test
    void hostileTextIsStoredAndReadBackAsDataWithTheTableIntact() throws Exception {
        String hostile = "1.0'); DROP TABLE scan_results;-- \\\" %_ \u00fc\u2713";
        String json = "{\"extensionInfo\":{\"name\":\"x\",\"version\":\"" + hostile.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"},\"securityScore\":{\"score\":50,\"riskLevel\":\"medium\"},"
                + "\"note\":\"'; DELETE FROM scan_results; --\"}";
        var id = ExtensionId.parse("o-reilly.drop_table");
        var result = AnalysisResult.parse(id, json);
        assertEquals(hostile, result.version());
        try (var cache = SqliteResultCache.open(CacheConfig.defaults(dir.resolve("cache")))) {
            cache.put(result);
            cache.put(AnalysisResult.parse(ExtensionId.parse("other.one"), json.replace("o-reilly", "other")));
            var back = cache.get(id).orElseThrow();
            assertEquals(json, back.rawJson(), "stored verbatim");
            assertEquals(hostile, back.version());
            assertEquals(2, cache.count(), "nothing was dropped or deleted");
            assertTrue(cache.integrityCheck().ok(), cache.integrityCheck().summary());
        }
    }

    // --- 4. IDs are validated, and URL-encoded before they are used in a path ---------------------

    @Test
    void everyAcceptedExtensionIdIsMadeOfPathAndSqlSafeCharactersOnly() {
        String safe = "aZ09-_";
        String hostile = "./\\'\";%?#&=+ \t\r\n\u0000\u001b\u00e9\u0455\u200b\u202e\uff0e";
        var random = new Random(20251201);
        int accepted = 0;
        for (int n = 0; n < 5_000; n++) {
            // A plausible ID, then (usually) one hostile character put in or swapped in somewhere.
            var text = new StringBuilder(part(random, safe)).append('.').append(part(random, safe));
            if (random.nextInt(4) > 0) {
                int at = random.nextInt(text.length() + 1);
                char bad = hostile.charAt(random.nextInt(hostile.length()));
                if (at < text.length() && random.nextBoolean()) {
                    text.setCharAt(at, bad);
                } else {
                    text.insert(at, bad);
                }
            }
            try {
                var id = ExtensionId.parse(text.toString());
                accepted++;
                assertTrue(id.toString().matches("[A-Za-z0-9][A-Za-z0-9_-]*\\.[A-Za-z0-9][A-Za-z0-9_-]*"), id.toString());
            } catch (InvalidExtensionIdException e) {
                assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 || c > 0x7e), "the message is escaped: " + e.getMessage());
            }
        }
        assertTrue(accepted > 250 && accepted < 4_750, "the generator produced valid and invalid IDs (" + accepted + " valid)");
    }

    private static String part(Random random, String alphabet) {
        var part = new StringBuilder();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            part.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return part.toString();
    }

    @Test
    void installedExtensionsAreUntrustedInputTheirNamesAreEscapedAndHugeManifestsSkipped() throws Exception {
        Path extensions = dir.resolve("extensions");
        Path good = Files.createDirectories(extensions.resolve("ms-python.python-1.0.0"));
        Files.writeString(good.resolve("package.json"), "{\"publisher\":\"ms-python\",\"name\":\"python\"}");
        Path evil = Files.createDirectories(extensions.resolve("evil\u001b]0;pwned\u0007-1.0.0"));
        Files.writeString(evil.resolve("package.json"), "{\"publisher\":\"a b\",\"name\":\"c\"}");
        Path huge = Files.createDirectories(extensions.resolve("huge.one-1.0.0"));
        try (var file = new java.io.RandomAccessFile(huge.resolve("package.json").toFile(), "rw")) {
            file.setLength(9L * 1024 * 1024); // sparse: costs no disk, and must never be read
        }
        var list = io.vscanpoc.cli.input.VscodeExtensionsReader.read(extensions);
        assertEquals(List.of(ExtensionId.parse("ms-python.python")), list.ids());
        assertEquals(List.of("skipped evil\\u001b]0;pwned\\u0007-1.0.0: no valid publisher and name in package.json",
                "skipped huge.one-1.0.0: package.json is larger than 8 MB"), list.notes());
    }

    @Test
    void anAnalysisIdFromTheServerStaysOnePercentEncodedPathSegment() throws Exception {
        try (var server = MarkerServer.start(); var client = client(server.apiUrl())) {
            client.scan(ExtensionId.parse("pub.hostileid"));
            String encoded = "..%2F..%2Fadmin%3Fx%3D1%23frag%20%252e%2F%C3%BC";
            var paths = server.requests().stream().map(MarkerServer.Request::rawPath).toList();
            assertEquals(List.of(MarkerServer.BASE + "/analyze", MarkerServer.BASE + "/status/" + encoded,
                    MarkerServer.BASE + "/results/" + encoded), paths);
        }
    }

    // --- 5. File modes are 0700/0600 --------------------------------------------------------------

    @Test
    void aRunLeavesTheCacheDirectory0700AndTheCacheAndReportFiles0600() throws Exception {
        Path cache = dir.resolve("cache");
        Path report = dir.resolve("out/report.md");
        var run = CliRun.inProcess(List.of("--simulate", "--sim-profile", "ideal", "--no-warmup", "--time-scale", "0.005",
                "--workers", "1,2", "--cache-states", "empty", "--extensions",
                Files.writeString(dir.resolve("two.txt"), "ms-python.python\ngolang.go\n").toString(),
                "--cache-dir", cache.toString(), "--report", report.toString()));
        assertTrue(run.exitCode() <= 1, run.stderr());
        assertEquals("rwx------", mode(cache));
        assertEquals("rw-------", mode(cache.resolve("cache.db")));
        for (Path written : List.of(report, dir.resolve("out/report.json"), dir.resolve("out/report-speedup.svg"))) {
            assertEquals("rw-------", mode(written), written.toString());
        }
        try (var open = SqliteResultCache.open(CacheConfig.defaults(cache))) {
            open.put(AnalysisResult.parse(ExtensionId.parse("a.b"), RESULTS));
            var companions = List.of(cache.resolve("cache.db-wal"), cache.resolve("cache.db-shm"));
            assertTrue(companions.stream().anyMatch(Files::exists), "WAL files exist while the cache is open");
            for (Path companion : companions) {
                if (Files.exists(companion)) {
                    assertEquals("rw-------", mode(companion), companion.toString());
                }
            }
        }
    }

    @Test
    void anExistingCacheDirectoryKeepsItsModeButItsFilesAre0600() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("existing"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var cache = SqliteResultCache.open(CacheConfig.defaults(shared))) {
            cache.put(AnalysisResult.parse(ExtensionId.parse("a.b"), RESULTS));
            assertEquals("rw-------", mode(shared.resolve("cache.db")));
        }
        assertEquals("rwxr-xr-x", mode(shared), "a directory the user made is not re-moded (it could be their home)");
    }

    // --- 6. There are no shell-outs ---------------------------------------------------------------

    private static final Pattern PROCESS_START = Pattern.compile(
            "\\bProcessBuilder\\b|\\.exec\\s*\\(|\\bRuntime\\s*\\.\\s*getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exec\\b|\\bProcessHandle\\s*\\.\\s*of\\b"
                    + "|\\bjavax\\.script\\b|\\bScriptEngine\\b");

    @Test
    void noProductionSourceStartsAProcessOrRunsAScript() {
        var sources = MainSources.all();
        assertTrue(sources.size() > 150, "all modules' main sources were scanned (" + sources.size() + ")");
        var found = new ArrayList<String>();
        for (var source : sources) {
            String code = source.code();
            boolean[] inLiteral = literalMask(code);
            Matcher m = PROCESS_START.matcher(code);
            while (m.find()) {
                if (!inLiteral[m.start()]) {
                    found.add(source.path().getFileName() + " line " + lineOf(code, m.start()) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
        assertTrue(PROCESS_START.matcher("new ProcessBuilder(\"sh\")").find() && PROCESS_START.matcher("r.exec (cmd)").find(),
                "the pattern catches a shell-out");
    }

    // --- 7. Logs hold no response bodies and no secrets -------------------------------------------

    private static final List<String> HOSTILE_NAMES =
            List.of("good", "html", "badjson", "err500", "err503", "notfound", "badresults", "redirect", "hostileid");

    @Test
    void noByteOfAnyAnswerReachesALogLineAMessageOrTheReport() throws Exception {
        // Everything the tool's own loggers and its libraries' (HikariCP, sqlite-jdbc) say at every
        // level, and what any other logger says at INFO and above, formatted with throwables.
        var captured = new ByteArrayOutputStream();
        var capture = new StreamHandler(captured, new SimpleFormatter());
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        var verbose = List.of(Logger.getLogger("io.vscanpoc"), Logger.getLogger("com.zaxxer.hikari"), Logger.getLogger("org.sqlite"));
        var levels = verbose.stream().map(Logger::getLevel).toList();
        verbose.forEach(logger -> logger.setLevel(Level.ALL));
        // The console handler keeps its own INFO threshold, so the build output stays quiet.
        CliRun run;
        try (var server = MarkerServer.start()) {
            Path list = Files.writeString(dir.resolve("hostile.txt"),
                    String.join("\n", HOSTILE_NAMES.stream().map(n -> "pub." + n).toList()) + "\n");
            run = CliRun.inProcess(List.of("--api-url", server.apiUrl(), "--extensions", list.toString(), "--workers", "1",
                    "--cache-states", "empty", "--no-warmup", "--delay", "0", "--time-scale", "0.001",
                    "--cache-dir", dir.resolve("cache").toString(), "--report", dir.resolve("out/report.md").toString()));
            assertTrue(server.requests().size() >= HOSTILE_NAMES.size(), "every extension was asked for");
            for (var request : server.requests()) {
                for (String header : List.of("Authorization", "Proxy-Authorization", "Cookie")) {
                    assertFalse(request.headers().containsKey(header), header + " sent in " + request);
                }
            }
        } finally {
            root.removeHandler(capture);
            for (int i = 0; i < verbose.size(); i++) {
                verbose.get(i).setLevel(levels.get(i));
            }
            capture.close();
        }
        assertEquals(1, run.exitCode(), "a NO-GO report: " + run.stderr());
        String report = Files.readString(dir.resolve("out/report.md")) + Files.readString(dir.resolve("out/report.json"));
        assertTrue(report.contains("MALFORMED_RESPONSE") || report.toLowerCase(Locale.ROOT).contains("malformed"),
                "the failures are in the report");
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("retry 1/"), "the capture saw the client's debug line for the retried 503:\n" + logs);
        for (var where : List.of(run.stdout(), run.stderr(), report, logs)) {
            assertFalse(where.contains(MarkerServer.MARKER), "a response byte leaked:\n" + where);
        }
    }

    @Test
    void aFailedScanCarriesNoResponseTextEvenInItsCauses() throws Exception {
        try (var server = MarkerServer.start(); var client = client(server.apiUrl())) {
            for (String name : HOSTILE_NAMES.subList(1, HOSTILE_NAMES.size() - 1)) {
                var e = assertThrows(VscanException.class, () -> client.scan(ExtensionId.parse("pub." + name)), name);
                String trace = stackTrace(e);
                assertFalse(trace.contains(MarkerServer.MARKER), name + ": " + trace);
            }
        }
    }

    @Test
    void aGarbledStatusLineIsNotQuotedInTheNetworkError() throws Exception {
        try (var garbage = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> answerWithGarbage(garbage));
            try (var client = client("http://127.0.0.1:" + garbage.getLocalPort() + "/api/extensions")) {
                var e = assertThrows(VscanException.class, () -> client.scan(ExtensionId.parse("pub.garbage")));
                assertInstanceOf(NetworkException.class, e, e.getMessage());
                assertFalse(stackTrace(e).contains(MarkerServer.MARKER), stackTrace(e));
            } finally {
                garbage.close();
                server.join();
            }
        }
    }

    private static void answerWithGarbage(ServerSocket garbage) {
        while (!garbage.isClosed()) {
            try (Socket socket = garbage.accept()) {
                socket.getInputStream().read(new byte[8192]);
                socket.getOutputStream().write((MarkerServer.MARKER + " not HTTP at all\r\nX: y\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }

    // --- 8. The simulator binds to loopback only --------------------------------------------------

    @Test
    void theSimulatorListensOn127001AndOnNoOtherAddress() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc/net/tcp");
        try (var sim = VscanSimulator.start(SimulatorProfile.IDEAL.builder().timeScale(0.01).build())) {
            assertEquals("127.0.0.1", sim.baseUrl().getHost());
            String port = String.format(Locale.ROOT, "%04X", sim.port());
            var listening = new ArrayList<String>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path file = Path.of(table);
                if (!Files.isReadable(file)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.strip().split("\\s+");
                    // fields[1] is the local address:port in hex, fields[3] the state (0A = LISTEN).
                    if (fields[1].endsWith(":" + port) && fields[3].equals("0A")) {
                        listening.add(fields[1].substring(0, fields[1].indexOf(':')));
                    }
                }
            }
            // One listening socket, on 127.0.0.1: in /proc/net/tcp, or in tcp6 as the IPv4-mapped
            // ::ffff:127.0.0.1 when the JDK uses a dual-stack socket. A wildcard would be 00000000
            // or 000...0, and ::1 would be 000...01000000.
            assertEquals(1, listening.size(), "one listening socket on port " + sim.port() + ": " + listening);
            assertTrue(List.of("0100007F", "0000000000000000FFFF00000100007F").contains(listening.getFirst()),
                    "bound to 127.0.0.1, not " + listening.getFirst());
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static final String RESULTS = """
            {"extensionInfo":{"name":"x","version":"1.0.0"},"securityScore":{"score":82,"riskLevel":"high"}}""";

    private static HttpVscanClient client(String baseUrl) {
        return new HttpVscanClient(VscanClientConfig.builder()
                .baseUrl(baseUrl)
                .pacingDelay(Duration.ZERO)
                .retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofSeconds(10))
                .build());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String stackTrace(Throwable t) {
        var text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Why {@code sql} may carry a value, or null when it is only literals and string constants. */
    static String sqlProblem(String sql, String code, Path file) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = MainSources.literalEnd(sql, i);
            if (end > i) {
                i = end;
            } else if (Character.isWhitespace(c) || c == '+' || c == '(' || c == ')') {
                i++;
            } else {
                Matcher id = IDENTIFIER.matcher(sql).region(i, sql.length());
                if (!id.lookingAt()) {
                    return "'" + c + "' is not part of a constant expression";
                }
                String name = id.group();
                // StatementCache.prepare(connection, sql) forwards its parameter; its callers are checked here.
                boolean forwarded = name.equals("sql") && file.getFileName().toString().equals("StatementCache.java");
                boolean constant = name.matches("[A-Z][A-Z0-9_]*")
                        && Pattern.compile("static\\s+final\\s+String\\s+" + name + "\\b").matcher(code).find();
                if (!forwarded && !constant) {
                    return "'" + name + "' is not a string constant of this class";
                }
                i = id.end();
            }
        }
        return null;
    }

    /** The top-level, comma-separated arguments of the call whose '(' is at {@code open}. */
    static List<String> arguments(String code, int open) {
        var args = new ArrayList<String>();
        int depth = 0;
        int start = open + 1;
        int i = open;
        while (i < code.length()) {
            int end = MainSources.literalEnd(code, i);
            if (end > i) {
                i = end;
                continue;
            }
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                String last = code.substring(start, i);
                if (!last.isBlank() || !args.isEmpty()) {
                    args.add(last);
                }
                return args.isEmpty() ? List.of("") : args;
            } else if (c == ',' && depth == 1) {
                args.add(code.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        throw new IllegalStateException("unbalanced call at " + open);
    }

    private static boolean[] literalMask(String code) {
        var mask = new boolean[code.length()];
        int i = 0;
        while (i < code.length()) {
            int end = MainSources.literalEnd(code, i);
            if (end > i) {
                java.util.Arrays.fill(mask, i, end, true);
                i = end;
            } else {
                i++;
            }
        }
        return mask;
    }

    private static int lineOf(String code, int index) {
        return (int) code.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
