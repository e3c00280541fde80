package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.Endpoint;
import io.vscanpoc.sim.Fault;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Faults queued by a test, each used once. A request takes the first fault queued for its extension,
 * else for its endpoint, else for "the next request".
 */
public final class FaultScript {

    private final Queue<Fault> next = new ConcurrentLinkedQueue<>();
    private final Map<Endpoint, Queue<Fault>> byEndpoint = new EnumMap<>(Endpoint.class);
    private final Map<String, Queue<Fault>> byExtension = new ConcurrentHashMap<>();

    public FaultScript() {
        for (Endpoint endpoint : Endpoint.values()) {
            byEndpoint.put(endpoint, new ConcurrentLinkedQueue<>());
        }
    }

    public void forNext(List<Fault> faults) {
        next.addAll(faults);
    }

    public void forEndpoint(Endpoint endpoint, List<Fault> faults) {
        byEndpoint.get(endpoint).addAll(faults);
    }

    public void forExtension(String extensionId, List<Fault> faults) {
        byExtension.computeIfAbsent(extensionId.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedQueue<>())
                .addAll(faults);
    }

    /**
     * Takes the fault for a request, or null.
     *
     * @param endpoint the request's endpoint, or null
     * @param extensionKey the lower-cased extension the request concerns, or null
     */
    public Fault take(Endpoint endpoint, String extensionKey) {
        Fault fault = null;
        if (extensionKey != null) {
            Queue<Fault> queue = byExtension.get(extensionKey);
            fault = queue == null ? null : queue.poll();
        }
        if (fault == null && endpoint != null) {
            fault = byEndpoint.get(endpoint).poll();
        }
        return fault != null ? fault : next.poll();
    }

    /** Faults still waiting. */
    public int pending() {
        return next.size()
                + byEndpoint.values().stream().mapToInt(Queue::size).sum()
                + byExtension.values().stream().mapToInt(Queue::size).sum();
    }

    public void clear() {
        next.clear();
        byEndpoint.values().forEach(Queue::clear);
        byExtension.clear();
    }
}
