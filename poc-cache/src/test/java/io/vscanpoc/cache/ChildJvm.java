package io.vscanpoc.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test classpath in a separate JVM: a second OS process on the same file. */
final class ChildJvm {

    private ChildJvm() {}

    static Process start(Path workDir, Class<?> main, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                // A short-lived process: start fast (class-data sharing, C1 only, small serial heap).
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx128m",
                "--enable-native-access=ALL-UNNAMED",
                // sqlite-jdbc unpacks its native library per process; keep the copies a killed process
                // leaves behind inside the test's own directory.
                "-Dorg.sqlite.tmpdir=" + workDir,
                "-cp",
                System.getProperty("java.class.path")));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }
}
