package io.vscanpoc.core.internal;

import tools.jackson.databind.json.JsonMapper;

/** The one shared, immutable (and so thread-safe) mapper of poc-core. Not API. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
