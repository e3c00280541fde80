package io.vscanpoc.core.scanner.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts and logs failures of caller-supplied callbacks (listener, thread-name function) so that
 * they cannot break a scan. The first failure of a scan is logged at WARNING with its stack trace,
 * later ones at DEBUG, and {@link #summarize} logs how many there were in all, so a listener that
 * throws on every item cannot flood the log. Not API.
 */
final class CallbackGuard {

    private final String loggerName;
    private final String what;
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param loggerName the System.Logger to use, looked up only when there is something to log,
     *     so a scan whose callbacks never fail initialises no logging backend
     */
    CallbackGuard(String loggerName, String what) {
        this.loggerName = loggerName;
        this.what = what;
    }

    /** Records that the callback threw {@code thrown} while handling {@code context}. */
    void failed(String context, Throwable thrown) {
        System.Logger logger = System.getLogger(loggerName);
        if (failures.incrementAndGet() == 1) {
            logger.log(Level.WARNING, what + " threw for " + context + "; the scan goes on", thrown);
        } else {
            logger.log(Level.DEBUG, () -> what + " threw for " + context, thrown);
        }
    }

    /** Logs the total once at the end of a scan, when there was more than one failure. */
    void summarize() {
        long count = failures.get();
        if (count > 1) {
            System.getLogger(loggerName).log(Level.WARNING, what + " threw " + count + " times during the scan");
        }
    }
}
