/**
 * What a PoC run recorded, as immutable records the CLI fills: {@link io.vscanpoc.report.model.RunResults}
 * and its parts. Values a criterion rests on must be given explicitly; the builders refuse to assume
 * a zero.
 */
package io.vscanpoc.report.model;
