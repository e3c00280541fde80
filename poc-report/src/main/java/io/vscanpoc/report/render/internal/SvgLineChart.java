package io.vscanpoc.report.render.internal;

import io.vscanpoc.report.internal.Formats;
import io.vscanpoc.report.render.SpeedupChart.Point;
import java.util.List;

/**
 * Draws the speedup chart as SVG by hand: a dependency-free, deterministic output (the same data
 * always gives the same bytes, so it can be checked in and diffed). Not API.
 */
public final class SvgLineChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;
    private static final String MEASURED = "#1f77b4";
    private static final String IDEAL = "#7f7f7f";

    private SvgLineChart() {}

    /** The SVG document. */
    public static String render(String title, List<Point> points, double yMax) {
        int xMax = points.stream().mapToInt(Point::workers).max().orElse(1);
        var svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("  <title>").append(escape(title)).append("</title>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("  <text x=\"").append(WIDTH / 2).append("\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">")
                .append(escape(title)).append("</text>\n");
        axes(svg, points, xMax, yMax);
        if (!points.isEmpty()) {
            polyline(svg, points.stream().map(p -> new double[] {p.workers(), p.workers()}).toList(), xMax, yMax,
                    IDEAL, " stroke-dasharray=\"6 4\"");
            polyline(svg, points.stream().map(p -> new double[] {p.workers(), p.speedup()}).toList(), xMax, yMax,
                    MEASURED, "");
            for (var point : points) {
                marker(svg, point, xMax, yMax);
            }
        }
        legend(svg);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, List<Point> points, int xMax, double yMax) {
        double x0 = x(0, xMax);
        double y0 = y(0, yMax);
        int step = (int) Math.max(1, Math.ceil(yMax / 10));
        for (int tick = 0; tick <= yMax; tick += step) {
            double ty = y(tick, yMax);
            line(svg, x0, ty, x(xMax, xMax), ty, "#e0e0e0");
            text(svg, x0 - 8, ty + 4, "end", tick + "x");
        }
        line(svg, x0, y0, x(xMax, xMax), y0, "black");
        line(svg, x0, y0, x0, y(yMax, yMax), "black");
        for (var point : points) {
            double tx = x(point.workers(), xMax);
            line(svg, tx, y0, tx, y0 + 5, "black");
            text(svg, tx, y0 + 18, "middle", String.valueOf(point.workers()));
        }
        text(svg, (x0 + x(xMax, xMax)) / 2, HEIGHT - 12, "middle", "Workers");
        svg.append("  <text x=\"16\" y=\"").append(fmt((y0 + y(yMax, yMax)) / 2))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(fmt((y0 + y(yMax, yMax)) / 2)).append(")\">Speedup</text>\n");
    }

    private static void polyline(
            StringBuilder svg, List<double[]> xy, int xMax, double yMax, String color, String extra) {
        svg.append("  <polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"").append(extra)
                .append(" points=\"");
        for (int i = 0; i < xy.size(); i++) {
            if (i > 0) {
                svg.append(' ');
            }
            svg.append(fmt(x(xy.get(i)[0], xMax))).append(',').append(fmt(y(xy.get(i)[1], yMax)));
        }
        svg.append("\"/>\n");
    }

    private static void marker(StringBuilder svg, Point point, int xMax, double yMax) {
        double px = x(point.workers(), xMax);
        double py = y(point.speedup(), yMax);
        if (point.interval() != null) {
            line(svg, px, y(point.interval().low(), yMax), px, y(point.interval().high(), yMax), MEASURED);
        }
        svg.append("  <circle cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py)).append("\" r=\"4\" fill=\"")
                .append(MEASURED).append("\"/>\n");
        text(svg, px + 8, py - 8, "start", Formats.speedup(point.speedup()));
    }

    private static void legend(StringBuilder svg) {
        int lx = LEFT + 16;
        int ly = TOP + 8;
        line(svg, lx, ly, lx + 24, ly, MEASURED);
        text(svg, lx + 30, ly + 4, "start", "measured (median; bars: 95% interval)");
        svg.append("  <line x1=\"").append(lx).append("\" y1=\"").append(ly + 18).append("\" x2=\"").append(lx + 24)
                .append("\" y2=\"").append(ly + 18).append("\" stroke=\"").append(IDEAL)
                .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n");
        text(svg, lx + 30, ly + 22, "start", "ideal (speedup = workers)");
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color) {
        svg.append("  <line x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"")
                .append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"").append(color)
                .append("\"/>\n");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append("  <text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(escape(text)).append("</text>\n");
    }

    private static double x(double workers, int xMax) {
        return LEFT + workers / xMax * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double speedup, double yMax) {
        return HEIGHT - BOTTOM - speedup / yMax * (HEIGHT - TOP - BOTTOM);
    }

    private static String fmt(double value) {
        return Formats.decimal(value, 1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
