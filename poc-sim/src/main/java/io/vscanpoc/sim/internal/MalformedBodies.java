package io.vscanpoc.sim.internal;

import java.util.Arrays;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Mangles a JSON body the way a broken proxy or a buggy server release would. */
public final class MalformedBodies {

    /** The fields clients read, and a value of the wrong type for each. */
    private static final Map<String, Object> WRONG = Map.of(
            "analysisId", 42,
            "status", 3,
            "progress", "75%",
            "updatedAt", 1_700_000_000,
            "version", 2.0,
            "score", "82",
            "riskLevel", 2,
            "hasErrors", "no",
            "total", "3");

    private MalformedBodies() {}

    /** The first half: never valid JSON, since the closing brace is gone. */
    public static byte[] truncated(byte[] json) {
        return Arrays.copyOf(json, Math.max(1, json.length / 2));
    }

    /** The same document with the fields clients read replaced by values of the wrong type. */
    public static byte[] wrongTypes(byte[] json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return json;
        }
        if (root instanceof ObjectNode object) {
            retype(object);
            return Json.MAPPER.writeValueAsBytes(object);
        }
        return json;
    }

    private static void retype(ObjectNode node) {
        for (String name : node.propertyNames()) {
            JsonNode child = node.get(name);
            if (child instanceof ObjectNode object) {
                retype(object);
            } else if (WRONG.containsKey(name)) {
                switch (WRONG.get(name)) {
                    case Integer i -> node.put(name, i);
                    case Double d -> node.put(name, d);
                    case String s -> node.put(name, s);
                    default -> throw new IllegalStateException("no wrong value for " + name);
                }
            }
        }
    }
}
