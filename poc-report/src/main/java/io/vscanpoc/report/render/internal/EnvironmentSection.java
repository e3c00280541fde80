package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.internal.Formats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where and on what the run ran. */
public final class EnvironmentSection implements Section {

    @Override
    public void write(ReportContext context, MarkdownDocument document) {
        var metadata = context.metadata();
        var environment = metadata.environment();
        var table = new MarkdownTable().left("Item").left("Value");
        table.row("Tool", "vscan-poc " + metadata.toolVersion());
        if (context.simulated()) {
            table.row("Target", "poc-sim (SIMULATED) at `" + metadata.apiUrl() + "`");
            table.row("Simulator profile", "`" + metadata.simulation().profile() + "`");
            var settings = metadata.simulation().settings();
            table.row("Simulator settings", settings.isEmpty() ? "defaults of the profile" : describe(settings));
        } else {
            table.row("Target", "`" + metadata.apiUrl() + "`");
        }
        table.row("Java", environment.javaVersion() + " (" + environment.javaVendor() + ", " + environment.vmName()
                + ")");
        table.row("OS", environment.osName() + " " + environment.osVersion() + " (" + environment.arch() + ")");
        table.row("CPU cores", environment.cores());
        table.row("Dataset", Formats.count(metadata.datasetSize(), "extension"));
        table.row("Started", metadata.startedAt());
        var took = Duration.between(metadata.startedAt(), metadata.endedAt());
        table.row("Ended", metadata.endedAt() + " (after " + Formats.clock(Math.max(0, took.toMillis()) / 1000.0)
                + ")");
        table.row("Total requests", metadata.totalRequests() + " (warm-up and cache fills included)");
        document.heading(2, "Test Environment").table(table);
    }

    /** {@code key=value, key=value}; nested maps and lists in brackets. */
    static String describe(Map<String, Object> settings) {
        return settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + value(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String value(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + "=" + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EnvironmentSection::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
