package io.vscanpoc.cli;

import java.io.PrintStream;

/**
 * One subcommand of {@code vscan-poc}: a jcommander {@code @Parameters} class whose fields are its
 * flags, that runs itself once parsed.
 *
 * <p>Obligations: user errors (bad flag values, bad input files) are thrown as
 * {@link UsageException}; failures of the environment the user cannot fix with a flag (unusable
 * cache, unreachable API) as {@link RuntimeFailure}. Anything else escaping {@code run} is a bug and
 * is reported as one. Output for the user goes to {@code out}; diagnostics to {@code err}.
 */
public interface Command {

    /** Runs the command; returns the process exit code, one of {@link ExitCode}. */
    int run(PrintStream out, PrintStream err) throws Exception;
}
