package io.vscanpoc.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import io.vscanpoc.cli.options.InputOptions;
import io.vscanpoc.core.BuildInfo;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of {@code java -jar poc-cli.jar}: parses the command line with jcommander, runs one
 * {@link Command}, and turns what escapes it into the documented exit code and one line on stderr.
 */
public final class Main {

    private static final String HINT = "Run 'vscan-poc --help' for usage.";
    private static final Set<String> HELP_FLAGS = Set.of("--help", "-h", "help");
    /** Flags that ask for help wherever they stand; a bare "help" only counts as the command word. */
    private static final Set<String> HELP_ANYWHERE = Set.of("--help", "-h");
    /** jcommander's wording for an argument no flag took, in a command that takes no operands. */
    private static final Pattern STRAY_ARGUMENT =
            Pattern.compile("Was passed main parameter '(.*)' but no main parameter was defined.*", Pattern.DOTALL);

    static {
        // One line per log record, in the shape of the tool's own error lines; set before
        // java.util.logging creates its console handler.
        System.setProperty("java.util.logging.SimpleFormatter.format", "vscan-poc: %4$s: %3$s: %5$s%6$s%n");
    }

    /**
     * Held so the level sticks: java.util.logging keeps loggers only weakly. Hikari reports pool
     * start and stop at INFO, which is noise on a console; its warnings and errors still show.
     */
    private static final Logger HIKARI_LOG = quiet(Logger.getLogger("com.zaxxer.hikari"));

    private Main() {}

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    public static void main(String[] args) {
        makeTheClientTheOnlyRetrier();
        // UTF-8 whatever the locale: the progress lines carry emoji, and a C locale would print '?'.
        var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Left to itself, java.net.http repeats some requests on its own: a GET whose reused keep-alive
     * connection closes before any byte of the answer is resent once, and a refused connection is
     * tried once more. Those repeats bypass the client's pacing, budget and counters, so the server
     * sees a request the report never counts (docs/reliability.md). One attempt per exchange makes
     * every repeat a retry of the client's own {@code RetryPolicy}. The JDK reads both properties
     * once, when java.net.http is first used, so this must run before anything sends; a value given
     * with {@code -D} is kept. Not done in {@link #run}: tests share one JVM and its properties.
     */
    static void makeTheClientTheOnlyRetrier() {
        System.getProperties().putIfAbsent("jdk.httpclient.redirects.retrylimit", "1");
        System.getProperties().putIfAbsent("jdk.httpclient.disableRetryConnect", "true");
    }

    /** Runs the tool in-process and returns its exit code; tests call this. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        var jc = JCommander.newBuilder().programName("vscan-poc").build();
        commands.forEach(jc::addCommand);
        List<String> argv = normalise(args, commands.keySet());
        try {
            if (argv.contains("--version")) {
                out.println("vscan-poc " + BuildInfo.version());
                return ExitCode.GO;
            }
            if (asksForHelp(argv)) {
                out.print(usage(jc, argv.getFirst()));
                return ExitCode.GO;
            }
            jc.parse(argv.toArray(String[]::new));
            Command command = commands.get(jc.getParsedCommand());
            return command.run(out, err);
        } catch (ParameterException e) {
            err.println("vscan-poc: " + oneLine(parseError(e.getMessage())));
            err.println(HINT);
            return ExitCode.USAGE;
        } catch (UsageException e) {
            err.println("vscan-poc: " + oneLine(e.getMessage()));
            err.println(HINT);
            return ExitCode.USAGE;
        } catch (RuntimeFailure e) {
            err.println("vscan-poc: " + oneLine(e.getMessage()));
            return ExitCode.RUNTIME;
        } catch (InterruptedException e) {
            err.println("vscan-poc: interrupted");
            return ExitCode.INTERRUPTED;
        } catch (Exception e) {
            // A bug, not a user error: still one line, with the type so it can be reported.
            err.println("vscan-poc: internal error: " + e.getClass().getName() + ": " + oneLine(e.getMessage())
                    + " (set VSCAN_POC_DEBUG=1 for the stack trace)");
            if (System.getenv("VSCAN_POC_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return ExitCode.RUNTIME;
        }
    }

    /** Every subcommand, in the order --help lists them; "run" is the default. */
    static Map<String, Command> commands() {
        var commands = new LinkedHashMap<String, Supplier<Command>>();
        commands.put("run", io.vscanpoc.cli.run.RunCommand::new);
        commands.put("discover", io.vscanpoc.cli.discover.DiscoverCommand::new);
        commands.put("sim", io.vscanpoc.cli.sim.SimCommand::new);
        commands.put("bench", io.vscanpoc.cli.bench.BenchCommand::new);
        commands.put("cache", io.vscanpoc.cli.cache.CacheCommand::new);
        var built = new LinkedHashMap<String, Command>();
        commands.forEach((name, supplier) -> built.put(name, supplier.get()));
        return built;
    }

    /**
     * Makes {@code run} the default command, and gives {@code --from-vscode} its optional value:
     * jcommander has no optional-argument flags, so a bare {@code --from-vscode} gets a marker that
     * means "the default directory".
     */
    static List<String> normalise(String[] args, Set<String> commandNames) {
        var argv = new ArrayList<String>(List.of(args));
        if (argv.isEmpty() || !(commandNames.contains(argv.getFirst()) || HELP_FLAGS.contains(argv.getFirst())
                || argv.getFirst().equals("--version"))) {
            argv.addFirst("run");
        }
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("--from-vscode")
                    && (i + 1 == argv.size() || argv.get(i + 1).startsWith("-"))) {
                argv.add(i + 1, InputOptions.DEFAULT_VSCODE_DIR);
            }
        }
        return argv;
    }

    /**
     * {@code --help} or {@code -h} anywhere, or {@code help} as the command word ({@code vscan-poc
     * help}, {@code vscan-poc cache help}); a flag's value that happens to be "help" (a file named
     * help) is not a request for help.
     */
    private static boolean asksForHelp(List<String> argv) {
        return argv.stream().anyMatch(HELP_ANYWHERE::contains)
                || argv.getFirst().equals("help")
                || (argv.size() > 1 && argv.get(1).equals("help"));
    }

    /**
     * jcommander reports an unknown flag as a stray "main parameter", in words about its own
     * classes; the user needs to hear which argument was not understood.
     */
    static String parseError(String message) {
        Matcher stray = message == null ? null : STRAY_ARGUMENT.matcher(message);
        if (stray == null || !stray.matches()) {
            return message;
        }
        String argument = stray.group(1);
        return argument.startsWith("-")
                ? "unknown flag '" + argument + "'"
                : "unexpected argument '" + argument + "' (a flag before it may be missing its value, or take none)";
    }

    private static String usage(JCommander jc, String first) {
        var text = new StringBuilder();
        if (jc.getCommands().containsKey(first)) {
            jc.getUsageFormatter().usage(first, text);
            return text.toString();
        }
        text.append("vscan-poc ").append(BuildInfo.version())
                .append(": parallel-scanning proof of concept for vscan.dev\n\n")
                .append("Usage: vscan-poc [command] [flags]   (the default command is run)\n")
                .append("       vscan-poc <command> --help     (one command's flags)\n\n");
        jc.getUsageFormatter().usage(text);
        text.append("\nExit codes: 0 GO, 1 NO-GO, 2 usage or configuration error, ")
                .append("3 runtime failure (cache unusable, API unreachable), 130 interrupted.\n");
        return text.toString();
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no detail)";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
