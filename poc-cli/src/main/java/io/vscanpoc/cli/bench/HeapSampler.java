package io.vscanpoc.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the peak heap occupancy during a stretch of work: used heap (live data and garbage not
 * yet collected) sampled every {@value #PERIOD_MILLIS} ms, plus the occupancy just before each
 * collection, which GC notifications report exactly, so a peak between two samples is not missed.
 * Start it right after a {@code System.gc()} so what came before is not counted.
 */
final class HeapSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final LongAccumulator peak = new LongAccumulator(Math::max, 0);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener onGc = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapSampler() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onGc, null, null);
                emitters.add(emitter);
            }
        }
        peak.accumulate(memory.getHeapMemoryUsage().getUsed());
        sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(this::sample);
    }

    private void sample() {
        while (running) {
            peak.accumulate(memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        peak.accumulate(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()));
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        long used = 0;
        for (var entry : byPool.entrySet()) {
            if (heapPools.contains(entry.getKey())) {
                used += entry.getValue().getUsed();
            }
        }
        return used;
    }

    /** The highest heap occupancy seen so far, in bytes. */
    long peakBytes() {
        peak.accumulate(memory.getHeapMemoryUsage().getUsed());
        return peak.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(onGc);
            } catch (ListenerNotFoundException e) {
                // Already gone: nothing left to remove.
            }
        }
    }
}
