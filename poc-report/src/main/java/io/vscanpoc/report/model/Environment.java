package io.vscanpoc.report.model;

import java.util.Objects;

/**
 * The machine and JVM a run ran on.
 *
 * @param javaVersion {@code java.version}, e.g. {@code 25.0.1}
 * @param javaVendor {@code java.vendor}
 * @param vmName {@code java.vm.name}
 * @param osName {@code os.name}
 * @param osVersion {@code os.version}
 * @param arch {@code os.arch}
 * @param cores processors available to the JVM
 */
public record Environment(
        String javaVersion, String javaVendor, String vmName, String osName, String osVersion, String arch, int cores) {

    public Environment {
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(arch, "arch");
    }

    /** The environment of this JVM, read from system properties and the runtime. */
    public static Environment current() {
        return new Environment(
                property("java.version"),
                property("java.vendor"),
                property("java.vm.name"),
                property("os.name"),
                property("os.version"),
                property("os.arch"),
                Runtime.getRuntime().availableProcessors());
    }

    private static String property(String name) {
        return System.getProperty(name, "unknown");
    }
}
