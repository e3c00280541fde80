/**
 * The PoC's report: {@link io.vscanpoc.report.ReportWriter} evaluates a recorded run
 * ({@link io.vscanpoc.report.model}) and writes the Markdown, JSON and SVG files. The rules are in
 * docs/report.md.
 */
package io.vscanpoc.report;
