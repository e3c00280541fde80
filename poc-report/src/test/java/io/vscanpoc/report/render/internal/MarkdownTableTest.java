package io.vscanpoc.report.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersHeaderAlignmentAndRows() {
        var table = new MarkdownTable().right("Test").left("Cache").row(1, "empty").row(2, "50/50");
        assertEquals("""
                | Test | Cache |
                |---:|---|
                | 1 | empty |
                | 2 | 50/50 |
                """, table.render());
        assertEquals(2, table.rowCount());
    }

    @Test
    void escapesPipesBackslashesAndLineBreaksInCells() {
        assertEquals("a\\|b", MarkdownTable.escape("a|b"));
        assertEquals("c:\\\\dir", MarkdownTable.escape("c:\\dir"));
        assertEquals("one two", MarkdownTable.escape("one\ntwo"));
        assertEquals(" ", MarkdownTable.escape(""));
    }

    @Test
    void rejectsARowWithTheWrongCellCount() {
        var table = new MarkdownTable().left("A").left("B");
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
        assertThrows(IllegalStateException.class, () -> table.row("a", "b").left("C"));
    }
}
