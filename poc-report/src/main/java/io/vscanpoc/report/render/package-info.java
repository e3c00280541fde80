/** Pure renderers of a run and its evaluation: Markdown, JSON, and the speedup chart (Mermaid, SVG). */
package io.vscanpoc.report.render;
