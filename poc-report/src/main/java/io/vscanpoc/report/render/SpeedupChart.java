package io.vscanpoc.report.render;

import io.vscanpoc.report.evaluation.Evaluation;
import io.vscanpoc.report.evaluation.ScenarioSummary;
import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.model.CacheState;
import io.vscanpoc.report.render.internal.SvgLineChart;
import io.vscanpoc.report.stats.Interval;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measured speedup against workers (empty cache, against the baseline), beside the ideal line
 * speedup = workers; as a Mermaid {@code xychart-beta} block for Markdown viewers that render
 * Mermaid (GitHub, GitLab, most IDEs) and as a standalone SVG for the rest.
 *
 * @param points one per empty-cache scenario with a defined speedup, ascending by workers
 */
public record SpeedupChart(List<Point> points) {

    /** The chart's title. */
    public static final String TITLE = "Speedup by workers (empty cache)";

    public SpeedupChart {
        points = List.copyOf(points);
    }

    /** The chart of an evaluation's empty-cache scenarios. */
    public static SpeedupChart of(Evaluation evaluation) {
        return new SpeedupChart(evaluation.scenarios().stream()
                .filter(s -> s.cacheState() == CacheState.EMPTY && s.speedup() != null)
                .sorted(Comparator.comparingInt(ScenarioSummary::workers))
                .map(s -> new Point(s.workers(), s.speedup().median(), s.speedup().interval()))
                .toList());
    }

    /** True when there is nothing to draw. */
    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The Mermaid source (without the fence): the measured line first, then the ideal line. */
    public String mermaid() {
        var categories = points.stream().map(p -> "\"" + p.workers() + "\"").collect(Collectors.joining(", "));
        var measured = points.stream().map(p -> Formats.decimal(p.speedup(), 2)).collect(Collectors.joining(", "));
        var ideal = points.stream().map(p -> String.valueOf(p.workers())).collect(Collectors.joining(", "));
        return "xychart-beta\n"
                + "    title \"" + TITLE + "\"\n"
                + "    x-axis \"Workers\" [" + categories + "]\n"
                + "    y-axis \"Speedup (x)\" 0 --> " + Formats.threshold(yMax()) + "\n"
                + "    line [" + measured + "]\n"
                + "    line [" + ideal + "]\n";
    }

    /** A standalone SVG document with both lines, a legend and the 95% intervals as error bars. */
    public String svg() {
        return SvgLineChart.render(TITLE, points, yMax());
    }

    /** The top of the y axis: the next whole number at or above every value drawn, at least 1. */
    public double yMax() {
        double top = 1;
        for (var point : points) {
            top = Math.max(top, Math.max(point.workers(), point.speedup()));
            if (point.interval() != null) {
                top = Math.max(top, point.interval().high());
            }
        }
        return Math.ceil(top);
    }

    /**
     * One measured point.
     *
     * @param workers the worker count
     * @param speedup the median speedup
     * @param interval its 95% interval; null when there were fewer than 3 repetitions
     */
    public record Point(int workers, double speedup, Interval interval) {}
}
