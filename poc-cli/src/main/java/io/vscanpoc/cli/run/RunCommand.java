package io.vscanpoc.cli.run;

import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.vscanpoc.cache.CacheConfig;
import io.vscanpoc.cache.SqliteResultCache;
import io.vscanpoc.cli.Command;
import io.vscanpoc.cli.ExitCode;
import io.vscanpoc.cli.RuntimeFailure;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.cli.console.ConsoleStyle;
import io.vscanpoc.cli.input.ExtensionList;
import io.vscanpoc.cli.options.ApiOptions;
import io.vscanpoc.cli.options.MatrixOptions;
import io.vscanpoc.cli.options.OutputOptions;
import io.vscanpoc.core.error.CacheException;
import io.vscanpoc.report.ReportWriter;
import io.vscanpoc.report.evaluation.Decision;
import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.model.RunResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code vscan-poc [run]}: the brief's scenario matrix, ending in the Go/No-Go report. */
@Parameters(commandNames = "run", commandDescription = "Run the scenario matrix and write the Go/No-Go report (the default command)")
public final class RunCommand implements Command {

    @ParametersDelegate
    public ApiOptions api = new ApiOptions();

    @ParametersDelegate
    public MatrixOptions matrix = new MatrixOptions();

    @ParametersDelegate
    public OutputOptions output = new OutputOptions();

    @Override
    public int run(PrintStream out, PrintStream err) {
        api.validate();
        matrix.validate();
        boolean simulated = api.simulated();
        output.validate(simulated);
        ExtensionList list = api.input.load();
        List<Scenario> scenarios = Matrix.scenarios(matrix.workerCounts(), matrix.cacheStateNames());
        List<Scenario> order = Matrix.order(scenarios, matrix.shuffled(), matrix.seed);
        Path report = output.report(simulated);
        Path json = output.json(simulated);
        var style = ConsoleStyle.detect(output.noColor);
        list.notes().forEach(note -> err.println("vscan-poc: note: " + note));

        var finished = new CountDownLatch(1);
        Thread hook = interruptOnSigint(Thread.currentThread(), finished);
        try (Target target = Target.open(api.target, api.sim, api.scale());
                SqliteResultCache cache = openCache(output.cacheDir(), err)) {
            var clients = new ClientFactory(target, api.politeness);
            var banner = new Banner(out, style, output.quiet);
            banner.print(target, list, scenarios.size(), matrix, output.cacheDir());
            Instant started = Instant.now();
            var result = new MatrixRun(target, cache, clients, matrix.seed, out, style, output.quiet)
                    .execute(list.ids(), order, matrix.repetitions, matrix.warmupEnabled());
            boolean interrupted = Thread.interrupted() || result.interrupted();
            RunResults results = RunResultsAssembler.assemble(target, list, matrix, order, result, started, Instant.now());
            Evaluation evaluation = write(results, report, json);
            new SummaryPrinter(out, style).print(results, evaluation, report, json);
            if (interrupted) {
                err.println("vscan-poc: interrupted; the partial report holds the " + result.scenarios().size()
                        + " scenario(s) that finished");
                return ExitCode.INTERRUPTED;
            }
            return evaluation.decision() == Decision.GO ? ExitCode.GO : ExitCode.NO_GO;
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    private static SqliteResultCache openCache(Path dir, PrintStream err) {
        try {
            var cache = SqliteResultCache.open(CacheConfig.defaults(dir));
            cache.warnings().forEach(w -> err.println("vscan-poc: warning: " + w));
            return cache;
        } catch (CacheException e) {
            throw new RuntimeFailure("the cache in " + dir + " is unusable: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Evaluation write(RunResults results, Path report, Path json) {
        try {
            return ReportWriter.write(results, report, json);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot write the report to " + report + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ctrl-C starts the JVM's shutdown; this hook turns it into an interrupt of the run, which
     * cancels the scenario in flight, and holds the shutdown until the partial report is written.
     * The JVM then exits with 130, the status of a SIGINT.
     */
    private static Thread interruptOnSigint(Thread runner, CountDownLatch finished) {
        Thread hook = new Thread(() -> {
            runner.interrupt();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vscan-poc-sigint");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running, nothing to remove.
        }
    }
}
