package io.vscanpoc.cli;

/** A mistake the user can fix on the command line or in an input file; exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
