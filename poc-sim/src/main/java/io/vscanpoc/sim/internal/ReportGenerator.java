package io.vscanpoc.sim.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a results report shaped like vscan.dev's (docs/vscan-api.md), a few KB each. Its content is
 * a pure function of the lower-cased extension ID and the seed, drawn from a generator seeded by
 * them, so the same ID gets the same version, score and risk level in every run; only
 * {@code extensionInfo.name} (as submitted) and {@code analysisTimestamp} vary.
 *
 * <p>The score is 100 plus the modules' (negative) contributions, and the overall risk level is the
 * worst module's, so the two agree loosely without being a function of each other.
 */
public final class ReportGenerator {

    /** The modules besides {@code base}, in the order vscan.dev lists them. */
    public static final List<String> MODULES = List.of(
            "metadata", "dependencies", "socket", "virusTotal", "permissions", "ossfScorecard",
            "networkEndpoints", "sensitiveInfo", "obfuscation", "consolidatedAst", "openGrep");

    private static final String[] LEVELS = {"low", "medium", "high", "critical"};
    private static final String[] SEVERITIES = {"critical", "high", "moderate", "low", "info"};
    private static final String[] LICENSES = {"MIT", "Apache-2.0", "BSD-3-Clause", "MPL-2.0", "ISC", "GPL-3.0"};
    private static final String[] KEYWORDS = {
        "language", "formatter", "linter", "debugger", "snippets", "theme", "icons", "git", "testing",
        "docker", "cloud", "productivity", "python", "javascript", "typescript", "java", "rust", "go", "yaml"};
    private static final String[] CATEGORIES = {
        "Programming Languages", "Formatters", "Linters", "Debuggers", "Snippets", "Themes", "SCM Providers",
        "Testing", "Other", "Data Science", "Machine Learning", "Notebooks", "Visualization"};
    private static final String[] PACKAGES = {
        "lodash", "semver", "minimatch", "glob", "chalk", "debug", "ws", "axios", "uuid", "yaml",
        "vscode-languageclient", "vscode-jsonrpc", "tar", "node-fetch", "follow-redirects", "jsonc-parser",
        "micromatch", "braces", "tough-cookie", "qs", "xml2js", "cross-spawn", "shell-quote", "iconv-lite",
        "fast-glob", "picomatch", "diff", "marked", "highlight.js", "@vscode/extension-telemetry"};
    private static final String[] RISK_FACTORS = {
        "broadActivation", "Activates on startup (*), before it is needed",
        "unverifiedPublisher", "The publisher's domain is not verified",
        "staleRelease", "No release in over a year",
        "wildcardEngine", "Declares a very wide engines.vscode range",
        "nativeBinary", "Ships native binaries"};
    private static final String[] FINDING_RULES = {
        "child-process-exec", "dynamic-require", "eval-usage", "http-endpoint", "env-access", "fs-write",
        "hardcoded-token-pattern", "minified-bundle", "base64-blob", "shell-command"};
    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private final long seed;

    public ReportGenerator(long seed) {
        this.seed = seed;
    }

    /** When a pre-analysed extension was analysed: fixed per ID and seed, some day of 2025. */
    public Instant preAnalysedTimestamp(String key) {
        var random = random(key);
        return EPOCH.plus(random.nextLong(0, 300L * 24 * 3600), ChronoUnit.SECONDS);
    }

    /** The report, as UTF-8 JSON bytes. */
    public byte[] render(String publisher, String name, Instant analysisTimestamp) {
        return Json.MAPPER.writeValueAsBytes(report(publisher, name, analysisTimestamp));
    }

    /** The report as a tree. */
    public ObjectNode report(String publisher, String name, Instant analysisTimestamp) {
        String key = ExtensionCatalogue.key(publisher, name);
        String lowerPublisher = publisher.toLowerCase(Locale.ROOT);
        String lowerName = name.toLowerCase(Locale.ROOT);
        var r = random(key);
        // Draw the per-module risks first: they decide the score, notes and overall level.
        int[] moduleLevel = new int[MODULES.size()];
        for (int i = 0; i < moduleLevel.length; i++) {
            moduleLevel[i] = level(r);
        }
        var root = Json.MAPPER.createObjectNode();
        var info = root.putObject("extensionInfo");
        info.put("name", name);
        info.put("version", r.nextInt(0, 4) + "." + r.nextInt(0, 40) + "." + r.nextInt(0, 20));

        var modules = Json.MAPPER.createObjectNode();
        var summary = new int[SEVERITIES.length];
        modules.set("metadata", metadata(r, lowerPublisher, lowerName, LEVELS[moduleLevel[0]]));
        modules.set("dependencies", dependencies(r, moduleLevel[1], summary));
        boolean hasErrors = false;
        for (int i = 2; i < MODULES.size(); i++) {
            boolean failed = r.nextInt(100) < 3;
            hasErrors |= failed;
            modules.set(MODULES.get(i), genericModule(r, MODULES.get(i), LEVELS[moduleLevel[i]], failed));
        }

        var score = root.putObject("securityScore");
        var contributions = Json.MAPPER.createObjectNode();
        contributions.put("base", 100);
        int total = 100;
        for (int i = 0; i < MODULES.size(); i++) {
            int delta = -delta(r, moduleLevel[i]);
            contributions.put(MODULES.get(i), delta);
            total += delta;
        }
        int worst = 0;
        for (int level : moduleLevel) {
            worst = Math.max(worst, level);
        }
        score.put("score", Math.max(0, Math.min(100, total)));
        score.put("riskLevel", LEVELS[worst]);
        ArrayNode notes = score.putArray("notes");
        for (int i = 0; i < MODULES.size(); i++) {
            if (moduleLevel[i] >= 1) {
                notes.add(MODULES.get(i) + ": " + LEVELS[moduleLevel[i]] + " risk");
            }
        }
        if (summary[0] + summary[1] > 0) {
            notes.add(summary[0] + " critical and " + summary[1] + " high severity dependency vulnerabilities");
        }
        score.set("contributions", contributions);
        var levels = score.putObject("moduleRiskLevels");
        for (int i = 0; i < MODULES.size(); i++) {
            levels.put(MODULES.get(i), LEVELS[moduleLevel[i]]);
        }
        root.set("analysisModules", modules);
        root.put("analysisTimestamp", analysisTimestamp.truncatedTo(ChronoUnit.MILLIS).toString());
        root.put("hasErrors", hasErrors);
        return root;
    }

    private SplittableRandom random(String key) {
        return new SplittableRandom(SeededDraws.bits(seed, SeededDraws.CONTENT, SeededDraws.hash(key)));
    }

    /** Mostly low, sometimes medium, rarely high, very rarely critical. */
    private static int level(SplittableRandom r) {
        int p = r.nextInt(100);
        return p < 62 ? 0 : p < 87 ? 1 : p < 97 ? 2 : 3;
    }

    private static int delta(SplittableRandom r, int level) {
        return switch (level) {
            case 0 -> r.nextInt(0, 2);
            case 1 -> r.nextInt(1, 5);
            case 2 -> r.nextInt(4, 10);
            default -> r.nextInt(10, 25);
        };
    }

    private static ObjectNode metadata(SplittableRandom r, String publisher, String name, String risk) {
        var module = Json.MAPPER.createObjectNode();
        module.put("status", "completed");
        module.put("overallRisk", risk);
        var m = module.putObject("metadata");
        m.put("displayName", displayName(name));
        m.put("description", displayName(name) + " for Visual Studio Code (simulated description)");
        m.put("license", LICENSES[r.nextInt(LICENSES.length)]);
        ArrayNode keywords = m.putArray("keywords");
        pick(r, KEYWORDS, r.nextInt(2, 6)).forEach(keywords::add);
        ArrayNode categories = m.putArray("categories");
        pick(r, CATEGORIES, r.nextInt(1, 4)).forEach(categories::add);
        m.put("lastUpdated", EPOCH.minus(r.nextLong(0, 700L * 24 * 3600), ChronoUnit.SECONDS).toString());
        m.put("repositoryUrl", "https://github.com/" + publisher + "/" + name);
        m.put("homepageUrl", "https://marketplace.visualstudio.com/items?itemName=" + publisher + "." + name);
        var publisherInfo = m.putObject("publisherInfo");
        publisherInfo.put("name", publisher);
        publisherInfo.put("displayName", displayName(publisher));
        boolean verified = r.nextInt(100) < 70;
        publisherInfo.put("isVerified", verified);
        if (verified) {
            publisherInfo.put("domain", "https://" + publisher + ".example");
        } else {
            publisherInfo.putNull("domain");
        }
        m.putObject("engines").put("vscode", "^1." + r.nextInt(60, 96) + ".0");
        var statistics = m.putObject("statistics");
        long installs = (long) Math.pow(10, 3 + r.nextDouble() * 5);
        statistics.put("installCount", installs);
        statistics.put("updateCount", installs * r.nextInt(2, 40));
        statistics.put("averageRating", Math.round((3 + r.nextDouble() * 2) * 100) / 100.0);
        statistics.put("ratingCount", Math.max(1, installs / r.nextInt(500, 5000)));
        ArrayNode riskFactors = module.putArray("riskFactors");
        int factors = r.nextInt(0, 3);
        for (int f : distinct(r, RISK_FACTORS.length / 2, factors)) {
            var factor = riskFactors.addObject();
            factor.put("type", RISK_FACTORS[2 * f]);
            factor.put("description", RISK_FACTORS[2 * f + 1]);
            factor.put("risk", LEVELS[r.nextInt(0, 3)]);
        }
        module.putNull("error");
        return module;
    }

    private static ObjectNode dependencies(SplittableRandom r, int level, int[] summary) {
        var module = Json.MAPPER.createObjectNode();
        module.put("status", "completed");
        module.put("overallRisk", LEVELS[level]);
        ArrayNode deps = module.putArray("dependencies");
        int count = r.nextInt(4, 22);
        for (int p : distinct(r, PACKAGES.length, count)) {
            var dep = deps.addObject();
            dep.put("name", PACKAGES[p]);
            dep.put("version", r.nextInt(0, 10) + "." + r.nextInt(0, 30) + "." + r.nextInt(0, 15));
            dep.put("type", r.nextInt(100) < 75 ? "production" : "development");
            ArrayNode vulns = Json.MAPPER.createArrayNode();
            // Vulnerabilities are likelier in riskier dependency sets.
            int vulnCount = r.nextInt(100) < 8 + 12 * level ? r.nextInt(1, 3) : 0;
            int worst = 4;
            for (int v = 0; v < vulnCount; v++) {
                int severity = r.nextInt(0, SEVERITIES.length);
                summary[severity]++;
                worst = Math.min(worst, severity);
                var vuln = vulns.addObject();
                vuln.put("id", "GHSA-" + code(r) + "-" + code(r) + "-" + code(r));
                vuln.put("severity", SEVERITIES[severity]);
                vuln.put("title", "Simulated advisory in " + PACKAGES[p]);
                vuln.put("fixedIn", r.nextInt(1, 12) + "." + r.nextInt(0, 30) + ".0");
            }
            dep.put("risk", vulnCount == 0 ? "low" : worst <= 1 ? "high" : "medium");
            dep.put("reason", vulnCount == 0 ? "No known vulnerabilities" : vulnCount + " known vulnerabilities");
            dep.set("vulnerabilities", vulns);
        }
        var s = module.putObject("vulnerabilities").putObject("summary");
        int total = 0;
        for (int i = 0; i < SEVERITIES.length; i++) {
            total += summary[i];
        }
        s.put("total", total);
        for (int i = 0; i < SEVERITIES.length; i++) {
            s.put(SEVERITIES[i], summary[i]);
        }
        module.putNull("error");
        return module;
    }

    private static ObjectNode genericModule(SplittableRandom r, String module, String risk, boolean failed) {
        var node = Json.MAPPER.createObjectNode();
        node.put("status", failed ? "error" : "completed");
        node.put("overallRisk", failed ? "unknown" : risk);
        ArrayNode findings = node.putArray("findings");
        int count = failed ? 0 : r.nextInt(0, 4);
        for (int i = 0; i < count; i++) {
            var finding = findings.addObject();
            String rule = FINDING_RULES[r.nextInt(FINDING_RULES.length)];
            finding.put("ruleId", module + "/" + rule);
            finding.put("severity", LEVELS[r.nextInt(0, 3)]);
            finding.put("message", "Simulated " + rule.replace('-', ' ') + " finding");
            finding.put("file", "dist/extension.js");
            finding.put("line", r.nextInt(1, 20_000));
        }
        if (failed) {
            node.put("error", module + " analysis timed out (simulated)");
        } else {
            node.putNull("error");
        }
        return node;
    }

    private static String displayName(String name) {
        var out = new StringBuilder();
        for (String part : name.split("[-_.]")) {
            if (!part.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.isEmpty() ? name : out.toString();
    }

    private static String code(SplittableRandom r) {
        var chars = "23456789cfghjmpqrvwx";
        var out = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            out.append(chars.charAt(r.nextInt(chars.length())));
        }
        return out.toString();
    }

    private static List<String> pick(SplittableRandom r, String[] from, int count) {
        var out = new ArrayList<String>();
        for (int i : distinct(r, from.length, count)) {
            out.add(from[i]);
        }
        return out;
    }

    private static LinkedHashSet<Integer> distinct(SplittableRandom r, int bound, int count) {
        var out = new LinkedHashSet<Integer>();
        while (out.size() < Math.min(count, bound)) {
            out.add(r.nextInt(bound));
        }
        return out;
    }
}
