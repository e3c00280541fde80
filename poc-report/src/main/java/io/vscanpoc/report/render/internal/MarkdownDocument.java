package io.vscanpoc.report.render.internal;

/**
 * Appends Markdown blocks with exactly one blank line between them, so sections can be written
 * independently without worrying about spacing. Not API.
 */
public final class MarkdownDocument {

    private final StringBuilder out = new StringBuilder();

    /** A heading of {@code level} (1 to 6). */
    public MarkdownDocument heading(int level, String text) {
        return block("#".repeat(level) + " " + oneLine(text) + "\n");
    }

    /** A paragraph; line breaks inside it are kept as spaces. */
    public MarkdownDocument paragraph(String text) {
        return block(oneLine(text) + "\n");
    }

    /** A block quote of one paragraph. */
    public MarkdownDocument quote(String text) {
        return block("> " + oneLine(text) + "\n");
    }

    /** A bullet list, one item per line. */
    public MarkdownDocument bullets(Iterable<String> items) {
        var list = new StringBuilder();
        for (var item : items) {
            list.append("- ").append(oneLine(item)).append('\n');
        }
        return list.isEmpty() ? this : block(list.toString());
    }

    /** A numbered list. */
    public MarkdownDocument numbered(Iterable<String> items) {
        var list = new StringBuilder();
        int n = 1;
        for (var item : items) {
            list.append(n++).append(". ").append(oneLine(item)).append('\n');
        }
        return list.isEmpty() ? this : block(list.toString());
    }

    /** A table. */
    public MarkdownDocument table(MarkdownTable table) {
        return block(table.render());
    }

    /** A fenced code block, e.g. {@code mermaid}. */
    public MarkdownDocument fenced(String language, String body) {
        return block("```" + language + "\n" + body + (body.endsWith("\n") ? "" : "\n") + "```\n");
    }

    /** The document, ending in exactly one newline. */
    public String text() {
        return out.toString();
    }

    private MarkdownDocument block(String block) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(block);
        return this;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\R", " ");
    }
}
