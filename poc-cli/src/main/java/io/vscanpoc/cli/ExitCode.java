package io.vscanpoc.cli;

/** The documented exit codes of {@code vscan-poc}; the README's table lists the same. */
public final class ExitCode {

    /** The run completed and the decision is GO (or a non-deciding command succeeded). */
    public static final int GO = 0;
    /** The run completed and the decision is NO-GO. */
    public static final int NO_GO = 1;
    /** Usage or configuration error: one line on stderr, with a hint to use --help. */
    public static final int USAGE = 2;
    /** Runtime failure: the cache is unusable, or the API is unreachable before any result. */
    public static final int RUNTIME = 3;
    /** Interrupted (Ctrl-C); a partial report was written when a run was under way. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
