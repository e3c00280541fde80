package io.vscanpoc.report.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the whole new content, never half
 * of it: the text goes to a temporary file in the same directory, which is then moved over the
 * target. Not API.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes {@code text} as UTF-8 to {@code target}, creating its parent directories. */
    public static void write(Path target, String text) throws IOException {
        var absolute = target.toAbsolutePath();
        var directory = absolute.getParent();
        Files.createDirectories(directory);
        var temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            // Forced to disk before the move, so even a power cut cannot leave a renamed but empty file.
            try (var channel =
                    FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems cannot rename atomically; a plain replace is the best left.
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
