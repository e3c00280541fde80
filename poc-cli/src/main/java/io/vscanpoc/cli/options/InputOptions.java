package io.vscanpoc.cli.options;

import com.beust.jcommander.Parameter;
import io.vscanpoc.cli.UsageException;
import io.vscanpoc.cli.input.ExtensionList;
import io.vscanpoc.cli.input.ExtensionListReader;
import io.vscanpoc.cli.input.VscodeExtensionsReader;
import java.nio.file.Path;

/** Which extensions to scan: a file, the installed ones, or the built-in 30. */
public final class InputOptions {

    /** Stands for "--from-vscode given without a directory"; see {@link io.vscanpoc.cli.Main}. */
    public static final String DEFAULT_VSCODE_DIR = "<default>";

    @Parameter(names = "--extensions", description = "File with one extension ID (publisher.name) per line; # starts a comment")
    public Path extensionsFile;

    @Parameter(
            names = "--from-vscode",
            description = "Scan the installed extensions, read from the package.json files under DIR "
                    + "(default ~/.vscode/extensions)")
    public String fromVscode;

    public void validate() {
        if (extensionsFile != null && fromVscode != null) {
            throw new UsageException("--extensions and --from-vscode cannot be used together");
        }
    }

    public ExtensionList load() {
        if (extensionsFile != null) {
            return ExtensionListReader.read(extensionsFile);
        }
        if (fromVscode != null) {
            Path dir = DEFAULT_VSCODE_DIR.equals(fromVscode)
                    ? VscodeExtensionsReader.defaultDirectory()
                    : Path.of(fromVscode);
            return VscodeExtensionsReader.read(dir);
        }
        return ExtensionListReader.builtIn();
    }
}
