/**
 * How {@link io.vscanpoc.core.scanner.ParallelScanner} works: the scope of one scan, its
 * cancellation protocol, the lock-free counters and failure classification. Not API: anything here
 * may change without notice.
 */
package io.vscanpoc.core.scanner.internal;
