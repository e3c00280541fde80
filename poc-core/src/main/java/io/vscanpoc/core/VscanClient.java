package io.vscanpoc.core;

import io.vscanpoc.core.error.VscanException;

/**
 * Scans one extension: the whole submit, poll and fetch workflow of vscan.dev behind one call.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li>It is shared by every worker of a scan, so it must be thread-safe.</li>
 *   <li>It fails only with a {@link VscanException} whose type names the cause (a 429 is a
 *       {@link io.vscanpoc.core.error.RateLimitedException}, never a generic error), or with
 *       {@link InterruptedException} when the calling thread is interrupted, which it must honour
 *       promptly in every wait.</li>
 *   <li>It never returns {@code null}.</li>
 * </ul>
 */
public interface VscanClient {

    /** Returns the analysis of {@code id}, from the API or from a cache as the result says. */
    ScanResult scan(ExtensionId id) throws VscanException, InterruptedException;
}
