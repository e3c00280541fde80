package io.vscanpoc.cache.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Serialises every write to the database behind one {@link ReentrantLock}, so at most one thread is
 * ever inside SQLite's write path and no two threads ever wait for SQLite's write lock in native
 * code. Threads waiting their turn park in Java ({@link LockSupport#park}), which unmounts a virtual
 * thread and frees its carrier; {@code synchronized} is avoided on principle.
 *
 * <p>Writes are combined (flat combining): a caller queues its work and tries the lock. The holder
 * commits everything queued (up to the batch size per transaction, optionally lingering a bounded
 * delay for more) in {@code BEGIN IMMEDIATE} transactions and wakes each owner as its work commits;
 * a caller that finds the lock taken parks until its work is committed or the holder hands over.
 * A lone writer therefore pays no hand-off to another thread, and concurrent writers share
 * transactions.
 *
 * <p>WAL checkpoints that must wait for readers ({@code wal_checkpoint(TRUNCATE)}) run on a separate
 * platform thread under the same lock, so that native wait never pins a virtual thread. Not API.
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
        final Thread owner = Thread.currentThread();
        // result and failure are written before done, and read after it: done publishes them.
        volatile boolean done;
        T result;
        Throwable failure;

        Pending(ConnectionWork<T> task, boolean batchable) {
            this.task = task;
            this.batchable = batchable;
        }

        void run(Connection connection) throws SQLException {
            result = task.apply(connection);
        }

        void succeed() {
            finish();
        }

        void fail(Throwable cause) {
            failure = cause;
            result = null;
            finish();
        }

        private void finish() {
            done = true;
            LockSupport.unpark(owner);
        }
    }

    private static final int EXTRA_BATCHES = 1;

    private final DataSource pool;
    private final BusyRetry retry;
    private final CacheMetrics metrics;
    private final int maxBatchSize;
    private final Duration batchDelay;
    private final int checkpointEveryWrites;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Semaphore checkpointRequests = new Semaphore(0);
    private final AtomicInteger parked = new AtomicInteger();
    private final Thread checkpointer;
    private volatile boolean closing;
    // Guarded by writeLock.
    private boolean closed;
    private Connection connection;
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
        this.batchDelay = batchDelay;
        this.checkpointEveryWrites = checkpointEveryWrites;
        // Daemon, so a cache nobody closed does not keep the JVM alive; a checkpoint cut short by
        // the exit is safe (the WAL stays and is replayed).
        this.checkpointer = Thread.ofPlatform().name(threadName + "-checkpointer").daemon(true).unstarted(this::checkpointLoop);
        checkpointer.start();
    }

    /**
     * Queues {@code task} and returns once the transaction it ran in committed.
     *
     * @param batchable whether the task may share a transaction with other batchable tasks; a task
     *     that is not always runs in a transaction of its own
     * @throws SQLException the failure of the task or of its transaction
     * @throws ClosedException if the writer was closed before the task ran
     */
    public <T> T submit(ConnectionWork<T> task, boolean batchable) throws SQLException, ClosedException {
        if (closing) {
            throw new ClosedException();
        }
        var mine = new Pending<>(task, batchable);
        queue.add(mine);
        while (!mine.done) {
            if (writeLock.tryLock()) {
                try {
                    combine(mine);
                } finally {
                    writeLock.unlock();
                }
                nudgeNext();
            } else {
                awaitTurn(mine);
            }
        }
        return outcome(mine);
    }

    /**
     * As the lock holder, commits queued work until {@code mine} is done, then up to
     * {@link #EXTRA_BATCHES} more while work is waiting, so a steady stream is not handed from
     * thread to thread on every commit; the bound keeps the holder's own latency bounded.
     */
    private void combine(Pending<?> mine) {
        if (closed) {
            for (Pending<?> pending; (pending = queue.poll()) != null; ) {
                pending.fail(new ClosedException());
            }
            return;
        }
        int extra = EXTRA_BATCHES;
        while (!mine.done || (extra > 0 && !queue.isEmpty())) {
            if (mine.done) {
                extra--;
            }
            List<Pending<?>> batch = collectBatch();
            if (batch.isEmpty()) {
                throw new IllegalStateException("a queued write vanished from the queue");
            }
            execute(batch);
        }
    }

    /**
     * Parks until the lock holder has committed {@code mine} or hands over; the park unmounts a
     * virtual thread, so a waiting writer holds no carrier.
     */
    private void awaitTurn(Pending<?> mine) {
        parked.incrementAndGet();
        try {
            // A handover may have happened between the failed tryLock and here; unpark-before-park
            // makes this park return at once, and the loop tries again.
            if (!mine.done) {
                LockSupport.park(this);
            }
        } finally {
            parked.decrementAndGet();
        }
    }

    /** After unlocking: wakes the owner of the oldest queued work, which then takes the lock. */
    private void nudgeNext() {
        Pending<?> next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.owner);
        }
    }

    /** Writers parked waiting for their work to be committed right now; for tests and diagnostics. */
    public int waitingWriters() {
        return parked.get();
    }

    /** Commits everything queued, runs a final checkpoint, returns the connection. Idempotent. */
    @Override
    public void close() {
        closing = true;
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            while (!queue.isEmpty()) {
                execute(collectBatch());
            }
            if (writesSinceCheckpoint > 0) {
                checkpoint();
            }
            closed = true;
            releaseConnection();
        } finally {
            writeLock.unlock();
        }
        nudgeNext();
        checkpointer.interrupt();
        boolean interrupted = false;
        while (checkpointer.isAlive()) {
            try {
                checkpointer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T outcome(Pending<T> pending) throws SQLException, ClosedException {
        switch (pending.failure) {
            case null -> {
                return pending.result;
            }
            case SQLException sql -> throw sql;
            case ClosedException closedFailure -> throw closedFailure;
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> throw new IllegalStateException("unexpected failure of a write", pending.failure);
        }
    }

    /** Takes the next batch off the queue; the caller holds the lock, and so is the only consumer. */
    private List<Pending<?>> collectBatch() {
        lingerForMore();
        var batch = new ArrayList<Pending<?>>();
        Pending<?> first = queue.poll();
        if (first == null) {
            return batch;
        }
        batch.add(first);
        if (!first.batchable) {
            return batch;
        }
        for (Pending<?> next; batch.size() < maxBatchSize && (next = queue.peek()) != null && next.batchable; ) {
            batch.add(queue.poll());
        }
        return batch;
    }

    /** With a batch delay, waits (unmounted, holding the lock) for more writes to join the batch. */
    private void lingerForMore() {
        if (!batchDelay.isPositive() || queue.size() >= maxBatchSize) {
            return;
        }
        try {
            Thread.sleep(batchDelay);
        } catch (InterruptedException e) {
            // Commit what is there now; the caller sees its interrupt afterwards.
            Thread.currentThread().interrupt();
        }
    }

    private void execute(List<Pending<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
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

    private void commit(List<Pending<?>> batch) throws SQLException {
        try {
            retry.run(() -> {
                Connection held = connection();
                return Transactions.immediate(held, () -> {
                    for (Pending<?> pending : batch) {
                        pending.run(held);
                    }
                    return null;
                });
            });
        } catch (InterruptedException e) {
            // Interrupted in a busy back-off: nothing was committed.
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a locked database", e);
        }
        metrics.writeTransaction();
        if (++writesSinceCheckpoint >= checkpointEveryWrites) {
            writesSinceCheckpoint = 0;
            checkpointRequests.release();
        }
    }

    private void checkpointLoop() {
        try {
            while (true) {
                checkpointRequests.acquire();
                checkpointRequests.drainPermits();
                writeLock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    checkpoint();
                } finally {
                    writeLock.unlock();
                }
                // Writers that found the lock taken by this thread are parked; hand over to them.
                nudgeNext();
            }
        } catch (InterruptedException e) {
            // close() stops it.
        }
    }

    /**
     * {@code wal_checkpoint(TRUNCATE)} copies the WAL into the database and empties the WAL file.
     * When readers still use the WAL it waits for them up to the busy timeout and then reports
     * "busy" in its result instead of failing; that is counted as a blocked checkpoint, and the
     * next one catches up. The caller holds the write lock.
     */
    private void checkpoint() {
        writesSinceCheckpoint = 0;
        try (Statement statement = connection().createStatement();
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

    /**
     * The writer's own pooled connection, borrowed once and kept (the lock guards it): were it
     * borrowed per batch, writes would queue behind every reader waiting for the pool and stall
     * under a read-heavy load.
     */
    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = pool.getConnection();
        }
        return connection;
    }

    private void releaseConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "returning the writer's connection failed: {0}", e.getMessage());
            }
            connection = null;
        }
    }
}
