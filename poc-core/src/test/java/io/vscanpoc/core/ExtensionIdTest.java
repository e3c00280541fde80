package io.vscanpoc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExtensionIdTest {

    @Test
    void parsesPublisherAndNameAtTheFirstDot() {
        var id = ExtensionId.parse("ms-vscode-remote.remote-ssh");
        assertEquals("ms-vscode-remote", id.publisher());
        assertEquals("remote-ssh", id.name());
        assertEquals("ms-vscode-remote.remote-ssh", id.toString());
    }

    @Test
    void equalityIgnoresCaseButSpellingIsKept() {
        var a = ExtensionId.parse("ritwickdey.LiveServer");
        var b = ExtensionId.parse("ritwickdey.liveserver");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("ritwickdey.LiveServer", a.toString());
        assertEquals("ritwickdey.liveserver", a.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "nodot", ".name", "publisher.", "pub lisher.name", "pub.na me", "../etc.passwd",
        "pub.../x", "pub.name'; DROP TABLE x;--", "pub.na\u0000me", "pub.na\tme", "m\u0455-python.python",
        "pub.name.extra", " pub.name", "pub.name ", "-pub.name", "pub._name"
    })
    void rejectsAnythingOutsideTheAlphabet(String text) {
        var e = assertThrows(InvalidExtensionIdException.class, () -> ExtensionId.parse(text));
        assertFalse(e.getMessage().isBlank());
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
    }

    @Test
    void rejectsTenKilobytes() {
        var e = assertThrows(
                InvalidExtensionIdException.class, () -> ExtensionId.parse("a." + "b".repeat(10_240)));
        assertTrue(e.getMessage().length() < 200, "the error line stays short");
    }
}
