package io.vscanpoc.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build and the project's address, as sent in the User-Agent. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    /** The Maven version of poc-core, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return PROPERTIES.getProperty("version", "dev");
    }

    /** The project's home page. */
    public static String projectUrl() {
        return PROPERTIES.getProperty("url", "https://github.com/vscan-poc/vscan-poc");
    }

    /** {@code vscan-poc/<version> (+<project url>)}. */
    public static String userAgent() {
        return "vscan-poc/" + version() + " (+" + projectUrl() + ")";
    }

    private static Properties load() {
        var properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A missing resource only loses the version string; "dev" is shown instead.
        }
        return properties;
    }
}
