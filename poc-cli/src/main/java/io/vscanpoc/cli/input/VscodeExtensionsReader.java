package io.vscanpoc.cli.input;

import io.vscanpoc.cli.UsageException;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.InvalidExtensionIdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists the extensions VS Code has installed: every {@code <dir>/<folder>/package.json} with a
 * {@code publisher} and a {@code name} is one extension. Folders without a readable manifest are
 * skipped with a note rather than failing the run, because VS Code leaves half-removed folders
 * behind ({@code .obsolete} entries) as a matter of course.
 */
public final class VscodeExtensionsReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VscodeExtensionsReader() {}

    /** The default location, {@code ~/.vscode/extensions}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".vscode", "extensions");
    }

    public static ExtensionList read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("VS Code extensions directory " + dir + " does not exist or is not a directory");
        }
        var unique = new LinkedHashMap<ExtensionId, ExtensionId>();
        var notes = new ArrayList<String>();
        List<Path> folders;
        try (Stream<Path> children = Files.list(dir)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list VS Code extensions directory " + dir + ": " + e.getMessage());
        }
        for (Path folder : folders) {
            Path manifest = folder.resolve("package.json");
            if (!Files.isRegularFile(manifest)) {
                continue;
            }
            try {
                if (Files.size(manifest) > ExtensionListReader.MAX_FILE_BYTES) {
                    // An extension is untrusted input: its manifest must not be able to exhaust the heap.
                    notes.add("skipped " + shown(folder) + ": package.json is larger than 8 MB");
                    continue;
                }
                JsonNode json = JSON.readTree(ExtensionListReader.decode(Files.readAllBytes(manifest), manifest.toString()));
                String publisher = json.path("publisher").asString("");
                String name = json.path("name").asString("");
                var id = ExtensionId.parse(publisher + "." + name);
                if (unique.putIfAbsent(id, id) != null) {
                    notes.add("duplicate " + id + " in " + shown(folder) + " removed (several versions installed)");
                }
            } catch (IOException | JacksonException | InvalidExtensionIdException | UsageException e) {
                notes.add("skipped " + shown(folder) + ": no valid publisher and name in package.json");
            }
        }
        if (unique.isEmpty()) {
            throw new UsageException("no installed extensions found under " + dir);
        }
        return new ExtensionList(List.copyOf(unique.keySet()), "installed extensions in " + dir, notes);
    }

    /**
     * A folder's name for a console line: the name comes from whoever installed the extension, so
     * control and non-ASCII characters are escaped and cannot break the line or drive the terminal.
     */
    private static String shown(Path folder) {
        var out = new StringBuilder();
        folder.getFileName().toString().codePoints().limit(120).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04x", cp));
            }
        });
        return out.toString();
    }
}
