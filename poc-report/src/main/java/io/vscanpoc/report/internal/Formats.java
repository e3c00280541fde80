package io.vscanpoc.report.internal;

import io.vscanpoc.report.stats.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Number and text formats shared by the evaluator's sentences and the renderers, so a value reads
 * the same everywhere. Locale-independent. Not API.
 */
public final class Formats {

    private Formats() {}

    /** {@code value} rounded half-up to {@code decimals} places, e.g. {@code 62.3}. */
    public static String decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code value} rounded half-up to {@code decimals}, as a double (for the JSON). */
    public static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** A duration in seconds with one decimal: {@code 62.3s}. */
    public static String seconds(double seconds) {
        return decimal(seconds, 1) + "s";
    }

    /** A short duration in seconds with two decimals: {@code 2.08s}. */
    public static String fineSeconds(double seconds) {
        return decimal(seconds, 2) + "s";
    }

    /** A speedup: {@code 2.82x}. */
    public static String speedup(double factor) {
        return decimal(factor, 2) + "x";
    }

    /** A percentage with one decimal: {@code 96.7%}. */
    public static String percent(double percent) {
        return decimal(percent, 1) + "%";
    }

    /** A threshold without needless decimals: {@code 2.5}, {@code 95}, {@code 0}. */
    public static String threshold(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * {@code value} with at least {@code decimals} places, and more (up to 6) while rounding would
     * make it look equal to {@code threshold} when it is not, so "94.96%" never reads "95.0%".
     */
    public static String against(double value, double threshold, int decimals) {
        int places = decimals;
        while (places < 6 && value != threshold
                && BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP)
                        .compareTo(BigDecimal.valueOf(threshold).setScale(places, RoundingMode.HALF_UP)) == 0) {
            places++;
        }
        return decimal(value, places);
    }

    /** A 95% interval in a value format: {@code 21.0–23.4s}. */
    public static String interval(Interval interval, DoubleFunction<String> format) {
        return format.apply(interval.low()) + "–" + format.apply(interval.high());
    }

    /** A wall-clock span: {@code 45s}, {@code 6m 39s}, {@code 1h 02m 10s}. */
    public static String clock(double seconds) {
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = (total % 3600) / 60;
        long rest = total % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, rest);
        }
        if (minutes > 0) {
            return minutes + "m " + String.format(Locale.ROOT, "%02ds", rest);
        }
        return rest + "s";
    }

    /** {@code count} with the noun, pluralised: {@code 1 worker}, {@code 3 workers}. */
    public static String count(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }

    /** An English list: {@code a}, {@code a and b}, {@code a, b and c}. */
    public static String list(List<String> items) {
        return switch (items.size()) {
            case 0 -> "";
            case 1 -> items.getFirst();
            default -> String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
        };
    }

    /** {@code text} with its first letter in upper case. */
    public static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
