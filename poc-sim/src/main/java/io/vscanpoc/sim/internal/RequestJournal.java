package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.RecordedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent requests, in a fixed ring indexed by arrival number, so recording costs one
 * array store and memory stays bounded however long the simulator runs.
 */
public final class RequestJournal {

    private final int capacity;
    private volatile AtomicReferenceArray<RecordedRequest> ring;

    public RequestJournal(int capacity) {
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
    }

    /** Whether anything is recorded at all; when not, callers skip building the record. */
    public boolean enabled() {
        return capacity > 0;
    }

    public void record(RecordedRequest request) {
        if (capacity > 0) {
            ring.set((int) Math.floorMod(request.sequence(), (long) capacity), request);
        }
    }

    /** The recorded requests, oldest first. */
    public List<RecordedRequest> snapshot() {
        AtomicReferenceArray<RecordedRequest> current = ring;
        var list = new ArrayList<RecordedRequest>();
        for (int i = 0; i < current.length(); i++) {
            RecordedRequest r = current.get(i);
            if (r != null) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparingLong(RecordedRequest::sequence));
        return List.copyOf(list);
    }

    public void clear() {
        ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
    }
}
