package io.vscanpoc.report.render.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table that cannot come out malformed: every row must have the
 * header's column count, and cells are escaped so a {@code |} or a line break in data cannot split
 * a cell. Not API.
 */
public final class MarkdownTable {

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** Adds a left-aligned column (text). */
    public MarkdownTable left(String header) {
        return column(header, false);
    }

    /** Adds a right-aligned column (numbers). */
    public MarkdownTable right(String header) {
        return column(header, true);
    }

    private MarkdownTable column(String header, boolean right) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("columns must be declared before rows");
        }
        headers.add(header);
        rightAligned.add(right);
        return this;
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException when it does not have one cell per column
     */
    public MarkdownTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size()
                    + " columns");
        }
        var row = new ArrayList<String>(cells.length);
        for (var cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** Number of rows so far, the header excluded. */
    public int rowCount() {
        return rows.size();
    }

    /** The table, each line ending in a newline. */
    public String render() {
        if (headers.isEmpty()) {
            throw new IllegalStateException("a table needs at least one column");
        }
        var out = new StringBuilder();
        line(out, headers);
        var separators = new ArrayList<String>();
        for (boolean right : rightAligned) {
            separators.add(right ? "---:" : "---");
        }
        out.append('|');
        for (var separator : separators) {
            out.append(separator).append('|');
        }
        out.append('\n');
        for (var row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    /** {@code text} made safe for one table cell. */
    public static String escape(String text) {
        var escaped = text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " ").strip();
        return escaped.isEmpty() ? " " : escaped;
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append('|');
        for (var cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }
}
