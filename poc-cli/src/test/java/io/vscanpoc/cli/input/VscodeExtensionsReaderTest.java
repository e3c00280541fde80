package io.vscanpoc.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.cli.UsageException;
import io.vscanpoc.core.ExtensionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VscodeExtensionsReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsPublisherAndNameFromEachInstalledManifest() throws Exception {
        manifest("ms-python.python-2025.1.0", "{\"publisher\":\"ms-python\",\"name\":\"python\",\"version\":\"2025.1.0\"}");
        manifest("esbenp.prettier-vscode-11.0.0", "{\"publisher\":\"esbenp\",\"name\":\"prettier-vscode\"}");
        manifest("ms-python.python-2024.9.0", "{\"publisher\":\"ms-python\",\"name\":\"python\"}");
        manifest("broken-1.0.0", "{not json");
        Files.createDirectories(dir.resolve("no-manifest"));
        var list = VscodeExtensionsReader.read(dir);
        assertEquals(List.of(ExtensionId.parse("esbenp.prettier-vscode"), ExtensionId.parse("ms-python.python")), list.ids());
        assertTrue(list.notes().stream().anyMatch(n -> n.contains("skipped broken-1.0.0")), list.notes().toString());
        assertTrue(list.notes().stream().anyMatch(n -> n.contains("several versions")), list.notes().toString());
    }

    @Test
    void aMissingDirectoryOrOneWithoutExtensionsIsOneClearError() {
        assertTrue(assertThrows(UsageException.class, () -> VscodeExtensionsReader.read(dir.resolve("absent")))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(UsageException.class, () -> VscodeExtensionsReader.read(dir))
                .getMessage().contains("no installed extensions"));
    }

    private void manifest(String folder, String json) throws Exception {
        Path path = dir.resolve(folder);
        Files.createDirectories(path);
        Files.writeString(path.resolve("package.json"), json);
    }
}
