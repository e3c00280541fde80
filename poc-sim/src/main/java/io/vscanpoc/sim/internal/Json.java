package io.vscanpoc.sim.internal;

import tools.jackson.databind.json.JsonMapper;

/** The simulator's own JSON mapper; immutable and shared by every request thread. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
