package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.time.TimeScale;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header (RFC 9110 section 10.2.3): delta-seconds, or an HTTP-date in the
 * preferred IMF-fixdate form or either obsolete form (RFC 850, asctime), which recipients must accept.
 *
 * <p>The result is in vscan time. Delta-seconds already are (the simulator scales them); a date is
 * an instant of the real clock, so its distance from now is converted back with
 * {@link TimeScale#toVscan}, and the client's usual {@code toReal} turns it into exactly the real
 * wait to that instant. A date in the past means no wait. Anything unreadable counts as absent, so
 * the backoff applies.
 */
public final class RetryAfter {

    /** Longest value taken at face value; larger ones are clamped (and then capped by the policy). */
    private static final long MAX_SECONDS = 365L * 24 * 3600;

    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d+");

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private RetryAfter() {}

    /** The wait {@code value} asks for, if it is readable; {@code now} is the real clock. */
    public static Optional<Duration> parse(String value, Instant now, TimeScale scale) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (DELTA_SECONDS.matcher(text).matches()) {
            long seconds = text.length() > 12 ? MAX_SECONDS : Math.min(Long.parseLong(text), MAX_SECONDS);
            return Optional.of(Duration.ofSeconds(seconds));
        }
        return date(text, now).map(at -> {
            Duration real = Duration.between(now, at);
            return real.isNegative() ? Duration.ZERO : scale.toVscan(real);
        });
    }

    private static Optional<Instant> date(String text, Instant now) {
        for (DateTimeFormatter format : formats(now)) {
            try {
                return Optional.of(Instant.from(format.parse(text)));
            } catch (DateTimeParseException e) {
                // Try the next of the three forms.
            }
        }
        return Optional.empty();
    }

    private static List<DateTimeFormatter> formats(Instant now) {
        // RFC 850 has a two-digit year: read it as the nearest year at most 50 years back.
        LocalDate base = now.atZone(ZoneOffset.UTC).toLocalDate().minusYears(49);
        DateTimeFormatter rfc850 = new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, base)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US)
                .withZone(ZoneOffset.UTC);
        return List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850, ASCTIME);
    }
}
