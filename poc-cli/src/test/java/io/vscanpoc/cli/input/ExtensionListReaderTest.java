package io.vscanpoc.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.cli.UsageException;
import io.vscanpoc.core.ExtensionId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionListReaderTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInDatasetIsTheBriefsThirtyExtensions() {
        var list = ExtensionListReader.builtIn();
        assertEquals(30, list.size());
        assertEquals(ExtensionId.parse("ms-python.python"), list.ids().getFirst());
        assertEquals(ExtensionId.parse("github.copilot"), list.ids().getLast());
    }

    @Test
    void readsIdsSkippingCommentsAndBlankLinesAndRemovesDuplicatesWithANote() throws Exception {
        Path file = write("# a comment\n\nms-python.python  # trailing comment\r\n  esbenp.prettier-vscode\nMS-PYTHON.python\n");
        var list = ExtensionListReader.read(file);
        assertEquals(List.of(ExtensionId.parse("ms-python.python"), ExtensionId.parse("esbenp.prettier-vscode")), list.ids());
        assertEquals(List.of("duplicate MS-PYTHON.python on line 5 removed"), list.notes());
    }

    @Test
    void anInvalidIdNamesTheFileTheLineAndTheValue() throws Exception {
        Path file = write("ms-python.python\nbad id.x\n");
        var e = assertThrows(UsageException.class, () -> ExtensionListReader.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'bad id.x'"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void anEmptyListIsAnError() throws Exception {
        var e = assertThrows(UsageException.class, () -> ExtensionListReader.read(write("# nothing\n\n")));
        assertTrue(e.getMessage().contains("holds no extension IDs"), e.getMessage());
    }

    @Test
    void aMissingFileADirectoryAndNonUtf8AreEachOneClearError() throws Exception {
        assertTrue(assertThrows(UsageException.class, () -> ExtensionListReader.read(dir.resolve("nope.txt")))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(UsageException.class, () -> ExtensionListReader.read(dir))
                .getMessage().contains("is a directory"));
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "caf\u00e9.x\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(UsageException.class, () -> ExtensionListReader.read(latin1))
                .getMessage().contains("is not UTF-8"));
    }

    @Test
    void aUtf8ByteOrderMarkIsTolerated() throws Exception {
        Path file = dir.resolve("bom.txt");
        Files.write(file, "\uFEFFms-python.python\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, ExtensionListReader.read(file).size());
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, text);
        return file;
    }
}
