package io.vscanpoc.cli;

import io.vscanpoc.core.BuildInfo;

/** Entry point of {@code java -jar poc-cli.jar}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.out.println("vscan-poc " + BuildInfo.version());
    }
}
