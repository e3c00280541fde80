package io.vscanpoc.cli;

/** The environment failed in a way no flag fixes (cache unusable, API unreachable); exit code 3. */
public final class RuntimeFailure extends RuntimeException {

    public RuntimeFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public RuntimeFailure(String message) {
        super(message);
    }
}
