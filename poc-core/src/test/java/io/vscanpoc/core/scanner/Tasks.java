package io.vscanpoc.core.scanner;

import io.vscanpoc.core.ScanListener;
import io.vscanpoc.core.ScanOutcome;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** Building blocks of scanner tests. */
final class Tasks {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private Tasks() {}

    /** Blocks until the calling thread is interrupted. */
    static void blockUntilInterrupted() throws InterruptedException {
        NEVER.await();
        throw new AssertionError("unreachable");
    }

    /** Records every callback and counts finished calls per index. */
    static final class RecordingListener<I, R> implements ScanListener<I, R> {
        final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Thread> finishedThreads = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Boolean> interruptedInFinished = new ConcurrentLinkedQueue<>();
        final AtomicIntegerArray finishedPerIndex;
        final AtomicIntegerArray startedPerIndex;

        RecordingListener(int items) {
            finishedPerIndex = new AtomicIntegerArray(items);
            startedPerIndex = new AtomicIntegerArray(items);
        }

        @Override
        public void started(int index, I item) {
            startedPerIndex.incrementAndGet(index);
            events.add("started " + index + " on " + Thread.currentThread().getName());
        }

        @Override
        public void finished(ScanOutcome<I, R> outcome) {
            finishedPerIndex.incrementAndGet(outcome.index());
            finishedThreads.add(Thread.currentThread());
            interruptedInFinished.add(Thread.currentThread().isInterrupted());
            events.add("finished " + outcome.index() + " on " + Thread.currentThread().getName());
        }

        boolean eachFinishedExactlyOnce() {
            for (int i = 0; i < finishedPerIndex.length(); i++) {
                if (finishedPerIndex.get(i) != 1) {
                    return false;
                }
            }
            return true;
        }

        int startedCount() {
            int count = 0;
            for (int i = 0; i < startedPerIndex.length(); i++) {
                count += startedPerIndex.get(i);
            }
            return count;
        }
    }
}
