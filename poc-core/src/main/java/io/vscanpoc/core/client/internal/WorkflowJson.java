package io.vscanpoc.core.client.internal;

import io.vscanpoc.core.ExtensionId;
import io.vscanpoc.core.client.Endpoint;
import io.vscanpoc.core.error.MalformedResponseException;
import io.vscanpoc.core.internal.Json;
import io.vscanpoc.core.internal.JsonErrors;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of the analyze and status steps: the request body, and the two fields read from answers.
 * Parse failures never quote the body (Jackson's messages do), so the message names only the step.
 */
public final class WorkflowJson {

    private WorkflowJson() {}

    /** {@code {"publisher": ..., "name": ...}}. */
    public static String analyzeRequest(ExtensionId id) {
        return Json.MAPPER.createObjectNode()
                .put("publisher", id.publisher())
                .put("name", id.name())
                .toString();
    }

    /** The non-blank {@code analysisId} of an analyze answer. */
    public static String analysisId(String body, int status, ExtensionId id) throws MalformedResponseException {
        return requiredString(body, status, id, Endpoint.ANALYZE, "analysisId");
    }

    /** The {@code status} of a status answer, lower case. */
    public static String status(String body, int status, ExtensionId id) throws MalformedResponseException {
        return requiredString(body, status, id, Endpoint.STATUS, "status").toLowerCase(Locale.ROOT);
    }

    private static String requiredString(String body, int status, ExtensionId id, Endpoint endpoint, String field)
            throws MalformedResponseException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            // Not chained: Jackson's message quotes the offending token, and a caller that logs the
            // exception with its causes would then log part of the body.
            throw new MalformedResponseException(
                    "answer to " + endpoint + " for " + id + " is not valid JSON" + JsonErrors.position(e), status, null);
        }
        JsonNode value = root == null ? null : root.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new MalformedResponseException(
                    "answer to " + endpoint + " for " + id + " has no string '" + field + "'", status, null);
        }
        return value.stringValue();
    }
}
