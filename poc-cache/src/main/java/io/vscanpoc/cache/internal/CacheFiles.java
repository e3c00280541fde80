package io.vscanpoc.cache.internal;

import io.vscanpoc.core.error.CacheException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * The cache's files on disk: the private directory, the database file and its {@code -wal} and
 * {@code -shm} companions, their POSIX modes, and moving a damaged set aside. Every failure is a
 * {@link CacheException} with a one-line message that names the path. Not API.
 */
public final class CacheFiles {

    /** The suffixes SQLite adds to the database file's name in WAL mode. */
    public static final List<String> COMPANION_SUFFIXES = List.of("-wal", "-shm");

    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CacheFiles() {}

    /**
     * Makes sure {@code directory} exists, is a directory, and can be written: a missing one is
     * created with mode 0700 (the cache holds what the user scanned); an existing one keeps its mode.
     */
    public static void prepareDirectory(Path directory) throws CacheException {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw new CacheException("cache directory " + directory + " is a file, not a directory", null);
            }
        } else {
            try {
                if (isPosix(directory)) {
                    Files.createDirectories(directory, asAttribute(DIRECTORY_MODE));
                    // The umask may have narrowed the mode further; set exactly 0700.
                    Files.setPosixFilePermissions(directory, DIRECTORY_MODE);
                } else {
                    Files.createDirectories(directory);
                }
            } catch (IOException e) {
                throw new CacheException("cannot create cache directory " + directory + ": " + reason(e), e);
            }
        }
        // access(2) says yes to root even for a read-only directory, so really try a write.
        try {
            Path probe = Files.createTempFile(directory, ".write-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new CacheException("cache directory " + directory + " is not writable: " + reason(e), e);
        }
    }

    /** Creates an empty database file with mode 0600 when there is none; checks an existing one. */
    public static void ensureDatabaseFile(Path file) throws CacheException {
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new CacheException("cache file " + file + " is not a regular file", null);
            }
            if (!Files.isWritable(file)) {
                throw new CacheException("cache file " + file + " is not writable", null);
            }
            return;
        }
        try {
            // SQLite treats an empty file as an empty database, and creates the -wal and -shm files
            // with the database file's mode, so creating it 0600 first protects all three.
            if (isPosix(file)) {
                Files.createFile(file, asAttribute(FILE_MODE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another process created it meanwhile; fine.
        } catch (IOException e) {
            throw new CacheException("cannot create cache file " + file + ": " + reason(e), e);
        }
    }

    /** Sets mode 0600 on the database file and on whichever companions exist now. */
    public static void restrictModes(Path file) throws CacheException {
        if (!isPosix(file)) {
            return;
        }
        for (Path path : withCompanions(file)) {
            try {
                Files.setPosixFilePermissions(path, FILE_MODE);
            } catch (NoSuchFileException e) {
                // Companions come and go with the connections; one that is not there needs no mode.
            } catch (IOException e) {
                throw new CacheException("cannot set mode 0600 on " + path + ": " + reason(e), e);
            }
        }
    }

    /**
     * Renames {@code file} and its companions to {@code cache.db.corrupt-<UTC timestamp>} (plus
     * {@code -wal}/{@code -shm}), never deleting anything, and returns the new database path.
     */
    public static Path quarantine(Path file, Instant now) throws CacheException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(now);
        Path target = file.resolveSibling(base);
        for (int n = 2; anyExists(target); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        try {
            Files.move(file, target);
            for (String suffix : COMPANION_SUFFIXES) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, target.resolveSibling(target.getFileName() + suffix));
                }
            }
        } catch (IOException e) {
            throw new CacheException("cannot move damaged cache file " + file + " aside: " + reason(e), e);
        }
        return target;
    }

    /**
     * Whether {@code file} is empty (SQLite takes that for an empty database) or starts with the
     * SQLite header. Checked before SQLite opens a file, because SQLite deletes the {@code -wal}
     * beside a file it finds is not a database, and the damaged set must be kept whole.
     */
    public static boolean looksLikeSqlite(Path file) throws CacheException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            return head.length == 0 || java.util.Arrays.equals(head, SQLITE_MAGIC);
        } catch (IOException e) {
            throw new CacheException("cannot read cache file " + file + ": " + reason(e), e);
        }
    }

    /** Bytes in {@code path}, 0 when it does not exist. */
    public static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean anyExists(Path target) {
        return withCompanions(target).stream().anyMatch(Files::exists);
    }

    private static List<Path> withCompanions(Path file) {
        var paths = new java.util.ArrayList<Path>();
        paths.add(file);
        COMPANION_SUFFIXES.forEach(suffix -> paths.add(file.resolveSibling(file.getFileName() + suffix)));
        return paths;
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> asAttribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }

    /** Why an I/O operation failed, in a few words, without the paths the caller already names. */
    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NotDirectoryException n -> "a parent is not a directory";
            case FileAlreadyExistsException f -> "a file of that name is in the way";
            case NoSuchFileException n -> "no such file or directory";
            case FileSystemException f when f.getReason() != null -> f.getReason().toLowerCase(java.util.Locale.ROOT);
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        };
    }
}
