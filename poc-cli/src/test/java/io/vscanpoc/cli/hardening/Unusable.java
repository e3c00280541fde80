package io.vscanpoc.cli.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * A file that cannot be read and a directory that cannot be written, as the user running the tests.
 * Mode bits do it for an ordinary user; root ignores them (CAP_DAC_OVERRIDE), so as root the kernel
 * has to refuse instead: a write-only sysfs attribute cannot be opened for reading by anyone
 * (EACCES), and sysfs directories take no new files.
 */
public final class Unusable {

    private static final List<Path> WRITE_ONLY_SYSFS_FILES = List.of(
            Path.of("/sys/bus/pci/rescan"), Path.of("/sys/bus/pci/uevent"), Path.of("/sys/bus/platform/uevent"),
            Path.of("/sys/bus/cpu/uevent"), Path.of("/sys/module/kernel/uevent"));
    private static final List<Path> READ_ONLY_DIRECTORIES = List.of(Path.of("/sys/kernel"), Path.of("/sys/bus"));

    private Unusable() {}

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A file whose opening for reading fails with "permission denied", or empty if none is found. */
    public static Optional<Path> unreadableFile(Path scratch) {
        if (!runningAsRoot()) {
            try {
                Path file = Files.writeString(scratch.resolve("unreadable.txt"), "ms-python.python\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
                return refusesReading(file) ? Optional.of(file) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return WRITE_ONLY_SYSFS_FILES.stream().filter(Files::isRegularFile).filter(Unusable::refusesReading).findFirst();
    }

    /** An existing directory in which creating a file fails with "permission denied", or empty. */
    public static Optional<Path> unwritableDirectory(Path scratch) {
        if (!runningAsRoot()) {
            try {
                Path dir = Files.createDirectories(scratch.resolve("read-only-dir"));
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
                return refusesWriting(dir) ? Optional.of(dir) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return READ_ONLY_DIRECTORIES.stream().filter(Files::isDirectory).filter(Unusable::refusesWriting).findFirst();
    }

    private static boolean refusesReading(Path file) {
        try (var in = Files.newInputStream(file)) {
            return false;
        } catch (AccessDeniedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean refusesWriting(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, ".probe-", ".tmp"));
            return false;
        } catch (AccessDeniedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
