package io.vscanpoc.cli.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The production Java sources of every module ({@code <module>/src/main/java}), read from the
 * repository the tests run in, with a lexer just good enough to tell code from comments and string
 * literals (text blocks included), for the security review's source checks.
 */
public final class MainSources {

    /** One source file. */
    public record Source(Path path, String text) {

        /** The text with every comment replaced by spaces; string and char literals kept. */
        public String code() {
            var out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                int end = literalEnd(text, i);
                if (end > i) {
                    out.append(text, i, end);
                    i = end;
                } else if (text.startsWith("//", i)) {
                    int eol = text.indexOf('\n', i);
                    i = eol < 0 ? text.length() : eol;
                } else if (text.startsWith("/*", i)) {
                    int close = text.indexOf("*/", i + 2);
                    i = close < 0 ? text.length() : close + 2;
                    out.append(' ');
                } else {
                    out.append(text.charAt(i++));
                }
            }
            return out.toString();
        }
    }

    private MainSources() {}

    /** The repository root: the parent of the module the tests run in. */
    public static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("poc-core"))) {
            throw new IllegalStateException("tests must run in a module directory of the repository, not " + Path.of("").toAbsolutePath());
        }
        return root;
    }

    /** Every {@code .java} file under any {@code <module>/src/main/java}. */
    public static List<Source> all() {
        var sources = new ArrayList<Source>();
        try (Stream<Path> modules = Files.list(repositoryRoot())) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        sources.add(new Source(file, Files.readString(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /**
     * If a string literal, text block or char literal starts at {@code i}, the index just after
     * it; otherwise {@code i}.
     */
    public static int literalEnd(String text, int i) {
        if (text.startsWith("\"\"\"", i)) {
            int close = text.indexOf("\"\"\"", i + 3);
            while (close > 0 && text.charAt(close - 1) == '\\') {
                close = text.indexOf("\"\"\"", close + 1);
            }
            return close < 0 ? text.length() : close + 3;
        }
        char c = text.charAt(i);
        if (c != '"' && c != '\'') {
            return i;
        }
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != c) {
            j += text.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, text.length());
    }
}
