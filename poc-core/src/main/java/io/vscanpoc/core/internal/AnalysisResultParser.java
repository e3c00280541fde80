package io.vscanpoc.core.internal;

import io.vscanpoc.core.AnalysisResult;
import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.RiskLevel;
import io.vscanpoc.core.VulnerabilitySummary;
import io.vscanpoc.core.error.MalformedResponseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads an {@link AnalysisResult} out of a vscan.dev results document. Not API. */
public final class AnalysisResultParser {

    private AnalysisResultParser() {}

    public static AnalysisResult parse(ExtensionId id, String json) throws MalformedResponseException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            // Jackson's message can quote the offending token, i.e. part of the body; only the
            // position goes into ours, and the exception is not chained (a caller logging causes
            // would log it), so no response text ever reaches a log or a report.
            throw new MalformedResponseException(
                    "results for " + id + " are not valid JSON" + JsonErrors.position(e), 0, null);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException("results for " + id + " are not a JSON object");
        }
        String version = requiredString(id, root, "extensionInfo", "version");
        JsonNode score = root.path("securityScore").path("score");
        if (!score.isIntegralNumber() || score.intValue() < 0 || score.intValue() > 100) {
            throw new MalformedResponseException(
                    "results for " + id + ": securityScore.score is missing or not an integer 0-100");
        }
        String risk = requiredString(id, root, "securityScore", "riskLevel");
        return new AnalysisResult(
                id,
                version,
                score.intValue(),
                RiskLevel.fromApi(risk),
                summary(root.path("analysisModules").path("dependencies").path("vulnerabilities").path("summary")),
                timestamp(root.path("analysisTimestamp")),
                root.path("hasErrors").asBoolean(false),
                json);
    }

    private static String requiredString(ExtensionId id, JsonNode root, String object, String field)
            throws MalformedResponseException {
        JsonNode node = root.path(object).path(field);
        if (!node.isString()) {
            throw new MalformedResponseException(
                    "results for " + id + ": " + object + "." + field + " is missing or not a string");
        }
        return node.stringValue();
    }

    private static VulnerabilitySummary summary(JsonNode node) {
        if (!node.isObject()) {
            return VulnerabilitySummary.NONE;
        }
        return new VulnerabilitySummary(
                node.path("total").asInt(0),
                node.path("critical").asInt(0),
                node.path("high").asInt(0),
                node.path("moderate").asInt(0),
                node.path("low").asInt(0),
                node.path("info").asInt(0));
    }

    private static Instant timestamp(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return Instant.parse(node.stringValue());
        } catch (DateTimeParseException e) {
            // Optional field: an unparseable timestamp is tolerated, not fatal.
            return null;
        }
    }
}
