/**
 * The parallel scanner: {@link io.vscanpoc.core.scanner.ParallelScanner} runs one task per item on
 * virtual threads under a concurrency cap and returns one classified outcome per item, and
 * {@link io.vscanpoc.core.scanner.FailurePolicy} says whether a failure stops the scan. The
 * guarantees and the caller's obligations are stated on {@code ParallelScanner}; the reasons for
 * the design are in docs/adr/0001-structured-concurrency-without-preview.md.
 */
package io.vscanpoc.core.scanner;
