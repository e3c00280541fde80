package io.vscanpoc.cache.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The one thread that writes to the database. Callers queue work and park until it is committed, so
 * however many virtual threads write at once, at most one thread is ever inside SQLite's write path,
 * and that thread is a platform thread: a wait inside native code (a busy handler, an fsync, a
 * checkpoint waiting for readers) never pins a virtual thread's carrier.
 *
 * <p>Work queued while a transaction commits is committed together in the next one (up to the batch
 * size, optionally lingering a bounded delay for more), which is what makes eight writers faster
 * than one. Every transaction starts with {@code BEGIN IMMEDIATE}. Not API.
 */
public final class SerialWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SerialWriter.class.getName());

    /** Thrown to a caller whose work was queued after {@link #close()}. */
    public static final class ClosedException extends Exception {
        ClosedException() {
            super("the cache is closed");
        }
    }

    private static final class Pending<T> {
        final ConnectionWork<T> task;
        final boolean batchable;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T result;

        Pending(ConnectionWork<T> task, boolean batchable) {
            this.task = task;
            this.batchable = batchable;
        }

        void run(Connection connection) throws SQLException {
            result = task.apply(connection);
        }

        void succeed() {
            done.complete(result);
        }

        void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }
    }

    private static final Pending<Void> STOP = new Pending<>(connection -> null, false);

    private final DataSource pool;
    private final BusyRetry retry;
    private final CacheMetrics metrics;
    private final int maxBatchSize;
    private final long batchDelayNanos;
    private final int checkpointEveryWrites;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    // Guards `closed` together with the queue's tail, so STOP is always the last item ever queued.
    private final ReentrantLock admission = new ReentrantLock();
    private boolean closed;
    private final Thread thread;
    // Writer-thread state only.
    private Pending<?> carried;
    private int writesSinceCheckpoint;

    public SerialWriter(
            DataSource pool,
            BusyRetry retry,
            CacheMetrics metrics,
            int maxBatchSize,
            Duration batchDelay,
            int checkpointEveryWrites,
            String threadName) {
        this.pool = pool;
        this.retry = retry;
        this.metrics = metrics;
        this.maxBatchSize = maxBatchSize;
        this.batchDelayNanos = batchDelay.toNanos();
        this.checkpointEveryWrites = checkpointEveryWrites;
        // A platform thread on purpose: see the class comment. Daemon, so a cache nobody closed does
        // not keep the JVM alive; SQLite's journal makes an exit mid-commit safe.
        this.thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::loop);
        thread.start();
    }

    /**
     * Queues {@code task} and waits until its transaction committed.
     *
     * @param batchable whether the task may share a transaction with other batchable tasks; a task
     *     that is not always runs in a transaction of its own
     * @throws SQLException the failure of the task or of its transaction
     * @throws InterruptedException if the caller was interrupted while waiting; the task may still
     *     commit
     * @throws ClosedException if the writer was closed before the task was queued
     */
    public <T> T submit(ConnectionWork<T> task, boolean batchable)
            throws SQLException, InterruptedException, ClosedException {
        var pending = new Pending<>(task, batchable);
        admission.lock();
        try {
            if (closed) {
                throw new ClosedException();
            }
            queue.add(pending);
        } finally {
            admission.unlock();
        }
        try {
            return pending.done.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case SQLException sql -> throw sql;
                case ClosedException closedFailure -> throw closedFailure;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException("unexpected failure of a write", e.getCause());
            }
        }
    }

    /** Commits everything already queued, runs a final checkpoint, and stops. Idempotent. */
    @Override
    public void close() {
        admission.lock();
        try {
            if (!closed) {
                closed = true;
                queue.add(STOP);
            }
        } finally {
            admission.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (true) {
                Pending<?> first = carried != null ? carried : queue.take();
                carried = null;
                if (first == STOP) {
                    break;
                }
                execute(collectBatch(first));
                if (writesSinceCheckpoint >= checkpointEveryWrites) {
                    checkpoint();
                }
            }
            if (writesSinceCheckpoint > 0) {
                checkpoint();
            }
        } catch (InterruptedException e) {
            // Only close() stops the writer; an interrupt from elsewhere ends it the same way.
            LOG.log(Level.DEBUG, "cache writer interrupted");
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "cache writer failed", e);
            throw e;
        } finally {
            failRemaining();
        }
    }

    private List<Pending<?>> collectBatch(Pending<?> first) throws InterruptedException {
        var batch = new ArrayList<Pending<?>>();
        batch.add(first);
        if (!first.batchable) {
            return batch;
        }
        long deadline = System.nanoTime() + batchDelayNanos;
        while (batch.size() < maxBatchSize) {
            long remaining = deadline - System.nanoTime();
            Pending<?> next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            if (next == STOP || !next.batchable) {
                carried = next;
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void execute(List<Pending<?>> batch) throws InterruptedException {
        try {
            commit(batch);
            batch.forEach(Pending::succeed);
        } catch (SQLException e) {
            if (batch.size() == 1 || SqliteErrorKind.of(e).isContention()) {
                batch.forEach(pending -> pending.fail(e));
                return;
            }
            // One bad task must not fail the others it happened to share a transaction with.
            for (Pending<?> pending : batch) {
                try {
                    commit(List.of(pending));
                    pending.succeed();
                } catch (SQLException single) {
                    pending.fail(single);
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.fail(e));
        }
    }

    private void commit(List<Pending<?>> batch) throws SQLException, InterruptedException {
        retry.run(() -> {
            try (Connection connection = pool.getConnection()) {
                return Transactions.immediate(connection, () -> {
                    for (Pending<?> pending : batch) {
                        pending.run(connection);
                    }
                    return null;
                });
            }
        });
        metrics.writeTransaction();
        writesSinceCheckpoint++;
    }

    /**
     * {@code wal_checkpoint(TRUNCATE)} copies the WAL into the database and empties the WAL file.
     * When readers still use the WAL it reports "busy" in its result instead of failing; that is
     * counted as a blocked checkpoint, and the next one catches up.
     */
    private void checkpoint() {
        // Reset first: a failing checkpoint is retried after the next interval, not after every write.
        writesSinceCheckpoint = 0;
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            boolean blocked = row.next() && row.getInt(1) != 0;
            metrics.checkpoint(blocked);
        } catch (SQLException e) {
            SqliteErrorKind kind = SqliteErrorKind.of(e);
            if (kind.isContention()) {
                metrics.contention(kind);
            }
            LOG.log(Level.WARNING, "WAL checkpoint failed; will try again: {0}", e.getMessage());
        }
    }

    private void failRemaining() {
        admission.lock();
        try {
            closed = true;
        } finally {
            admission.unlock();
        }
        var failure = new ClosedException();
        if (carried != null && carried != STOP) {
            carried.fail(failure);
        }
        for (Pending<?> pending; (pending = queue.poll()) != null; ) {
            if (pending != STOP) {
                pending.fail(failure);
            }
        }
    }
}
