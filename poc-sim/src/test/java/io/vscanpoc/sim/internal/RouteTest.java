package io.vscanpoc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.sim.Endpoint;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final String ID = "3f2b8c1e-7d4a-4b6e-9c2f-1a2b3c4d5e6f";

    @Test
    void exactPaths() {
        assertEquals(new Route(Endpoint.ANALYZE, true, null), Route.of("/api/extensions/analyze"));
        assertEquals(new Route(Endpoint.STATUS, true, ID), Route.of("/api/extensions/status/" + ID));
        assertEquals(new Route(Endpoint.RESULTS, true, ID), Route.of("/api/extensions/results/" + ID));
        assertEquals(UUID.fromString(ID), Route.of("/api/extensions/results/" + ID).uuid());
    }

    @Test
    void nearMissesNameTheEndpointButAreNotExact() {
        assertFalse(Route.of("/api/extensions/analyze/").exact());
        assertEquals(Endpoint.ANALYZE, Route.of("/api/extensions/analyze/").endpoint());
        assertFalse(Route.of("/api/extensions/status/").exact());
        assertFalse(Route.of("/api/extensions/status").exact());
        assertFalse(Route.of("/api/extensions/status/" + ID + "/x").exact());
        assertNull(Route.of("/api/extensions/statusx/" + ID).endpoint());
        assertNull(Route.of("/extensions/analyze").endpoint());
        assertNull(Route.of("/api/extensions").endpoint());
    }

    @Test
    void onlyCanonicalUuidsAreIds() {
        assertNull(Route.of("/api/extensions/status/1-2-3-4-5").uuid());
        assertNull(Route.of("/api/extensions/status/not-a-uuid").uuid());
        assertTrue(Route.of("/api/extensions/status/" + ID.toUpperCase()).uuid() != null, "case is ignored");
    }
}
