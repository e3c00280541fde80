package io.vscanpoc.cli.input;

import io.vscanpoc.cli.UsageException;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.InvalidExtensionIdException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads an extension list: one {@code publisher.name} per line, {@code #} starts a comment, blank
 * lines are ignored, surrounding whitespace is stripped. Every ID is validated before anything is
 * sent; the first invalid one stops the run with its line number and value.
 */
public final class ExtensionListReader {

    /** Larger input files are refused: no real install has anything near a megabyte of IDs. */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private static final String BUILT_IN = "/io/vscanpoc/cli/test-extensions.txt";

    private ExtensionListReader() {}

    /** The brief's 30-extension dataset, bundled in the jar. */
    public static ExtensionList builtIn() {
        try (InputStream in = ExtensionListReader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in dataset is missing from the jar");
            }
            return parse(decode(in.readAllBytes(), "built-in dataset"), "built-in dataset (30 popular extensions)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in dataset", e);
        }
    }

    /** Reads {@code file}; every problem is a {@link UsageException} naming the file. */
    public static ExtensionList read(Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("extensions file " + file + " is a directory, not a file");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UsageException("extensions file " + file + " is larger than 8 MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("extensions file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new UsageException("extensions file " + file + " is not readable (permission denied)");
        } catch (IOException e) {
            throw new UsageException("cannot read extensions file " + file + ": " + e.getMessage());
        }
        return parse(decode(bytes, "extensions file " + file), file.toString());
    }

    /** Parses list text; {@code source} names it in error lines. */
    static ExtensionList parse(String text, String source) {
        var unique = new LinkedHashMap<ExtensionId, ExtensionId>();
        var notes = new ArrayList<String>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            ExtensionId id;
            try {
                id = ExtensionId.parse(line);
            } catch (InvalidExtensionIdException e) {
                throw new UsageException(source + ", line " + (i + 1) + ": " + e.getMessage());
            }
            if (unique.putIfAbsent(id, id) != null) {
                notes.add("duplicate " + id + " on line " + (i + 1) + " removed");
            }
        }
        if (unique.isEmpty()) {
            throw new UsageException(source + " holds no extension IDs");
        }
        return new ExtensionList(List.copyOf(unique.keySet()), source, summarise(notes));
    }

    /** One note per duplicate is noise for a long list; past five they are counted instead. */
    private static List<String> summarise(List<String> notes) {
        if (notes.size() <= 5) {
            return notes;
        }
        var shown = new ArrayList<>(notes.subList(0, 5));
        shown.add((notes.size() - 5) + " more duplicates removed");
        return shown;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    static String decode(byte[] bytes, String what) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UsageException(what + " is not UTF-8 text");
        }
    }
}
