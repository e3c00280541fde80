package io.vscanpoc.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientStatsTest {

    @Test
    void minusGivesWhatHappenedBetweenTwoSnapshots() {
        var earlier = new ClientStats(10, Map.of(Endpoint.ANALYZE, 4L, Endpoint.STATUS, 4L, Endpoint.RESULTS, 2L),
                2, 1, Map.of(200, 6L, 202, 3L, 429, 1L), 0, 0, 0);
        var later = new ClientStats(25, Map.of(Endpoint.ANALYZE, 9L, Endpoint.STATUS, 10L, Endpoint.RESULTS, 6L),
                5, 3, Map.of(200, 15L, 202, 4L, 429, 3L, 503, 2L), 1, 0, 4);
        var delta = later.minus(earlier);

        assertEquals(15, delta.requests());
        assertEquals(5, delta.requests(Endpoint.ANALYZE));
        assertEquals(6, delta.requests(Endpoint.STATUS));
        assertEquals(4, delta.requests(Endpoint.RESULTS));
        assertEquals(3, delta.retries());
        assertEquals(2, delta.http429());
        assertEquals(Map.of(200, 9L, 202, 1L, 429, 2L, 503, 2L), delta.responsesByStatus());
        assertEquals(2, delta.http5xx());
        assertEquals(14, delta.responses());
        assertEquals(1, delta.timeouts());
        assertEquals(4, delta.budgetRefusals());
        assertEquals(ClientStats.EMPTY.requestsByEndpoint(), later.minus(later).requestsByEndpoint());
        assertEquals(0, later.minus(later).responses());
    }

    @Test
    void everyEndpointIsPresentAndTheMapsAreSortedAndImmutable() {
        var stats = new ClientStats(0, Map.of(), 0, 0, Map.of(503, 1L, 200, 2L), 0, 0, 0);
        assertEquals(3, stats.requestsByEndpoint().size());
        assertEquals(0, stats.requests(Endpoint.RESULTS));
        assertEquals("[200, 503]", stats.responsesByStatus().keySet().toString());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> stats.responsesByStatus().put(1, 1L));
    }
}
