package io.vscanpoc.core;

/**
 * The work done for one item of a scan.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li>It is called concurrently from many virtual threads, so it must be thread-safe.</li>
 *   <li>It must respond to interruption (blocking calls that throw {@link InterruptedException} do):
 *       interruption is how a deadline, a fail-fast policy or the caller cancels it.</li>
 *   <li>It reports failure by throwing. A {@link io.vscanpoc.core.error.VscanException} is
 *       classified by its category; anything else counts as {@link ErrorCategory#INTERNAL}.</li>
 *   <li>It must not hold on to the item or result after it returns.</li>
 * </ul>
 *
 * @param <I> the item type
 * @param <R> the result type
 */
@FunctionalInterface
public interface ScanTask<I, R> {

    /** Does the work for {@code item} and returns its result; never returns {@code null}. */
    R run(I item) throws Exception;
}
