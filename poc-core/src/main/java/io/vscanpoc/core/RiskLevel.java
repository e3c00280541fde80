package io.vscanpoc.core;

import java.util.Locale;

/**
 * The authoritative severity of an extension, from {@code securityScore.riskLevel}. The score is
 * not a function of it, so it is kept separately.
 */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL,
    /** Any value the API sends that is not one of the above. */
    UNKNOWN;

    /** Maps the API's text, case-insensitively; anything unrecognised is {@link #UNKNOWN}. */
    public static RiskLevel fromApi(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "low" -> LOW;
            case "medium" -> MEDIUM;
            case "high" -> HIGH;
            case "critical" -> CRITICAL;
            default -> UNKNOWN;
        };
    }

    /** The API's spelling, lower case. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
