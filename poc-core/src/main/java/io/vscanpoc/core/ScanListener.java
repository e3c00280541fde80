package io.vscanpoc.core;

/**
 * Progress callbacks of a scan, for consoles and logs.
 *
 * <p>Obligations of an implementation:
 * <ul>
 *   <li>Callbacks run on the worker (virtual) threads, concurrently, so they must be thread-safe.</li>
 *   <li>They run while the worker holds its concurrency permit, so they must be quick and must not
 *       block; slow work belongs on another thread.</li>
 *   <li>{@code started} for an item happens-before its {@code finished}; no other order between
 *       items is promised.</li>
 *   <li>An exception thrown by a callback is caught and logged; it never changes an outcome or
 *       stops the scan.</li>
 * </ul>
 */
public interface ScanListener<I, R> {

    /** A listener that does nothing. */
    @SuppressWarnings("unchecked")
    static <I, R> ScanListener<I, R> none() {
        return (ScanListener<I, R>) NoOp.INSTANCE;
    }

    /** Called when the task for the item at {@code index} starts running. */
    default void started(int index, I item) {}

    /**
     * Called exactly once per input item with its outcome, including items that never started
     * (cancelled before running).
     */
    default void finished(ScanOutcome<I, R> outcome) {}

    /** The shared no-op instance. */
    enum NoOp implements ScanListener<Object, Object> {
        INSTANCE
    }
}
