package io.vscanpoc.sim.internal;

import io.vscanpoc.sim.SimulatorConfig;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server side of the workflow: analyses by ID, and the server's own cache of analysed
 * extensions. A pre-analysed extension completes at once; any other needs an on-demand analysis,
 * which every client asking meanwhile shares, and once it has completed the extension stays
 * analysed until {@link #clear()}. Failing and never-completing analyses are private to their ID and
 * leave nothing cached, so a resubmission starts afresh.
 */
public final class AnalysisRegistry {

    /** How an analysis ends. */
    public enum Outcome { COMPLETES, FAILS, NEVER_COMPLETES }

    /** What a status poll reports. */
    public enum Phase { PENDING, ANALYZING, COMPLETED, FAILED }

    /**
     * One analysis ID.
     *
     * @param startedAt vscan nanos the analysis it follows started (earlier than submission when it
     *     joined a running one)
     * @param dueAt vscan nanos it completes or fails
     * @param preAnalysed whether the server had the extension analysed before start
     * @param cached whether the server had it analysed when this was submitted
     */
    public record Analysis(
            UUID id, String publisher, String name, String key, long startedAt, long dueAt, Outcome outcome,
            boolean preAnalysed, boolean cached) {

        Analysis withOutcome(Outcome newOutcome, long newDueAt) {
            return new Analysis(id, publisher, name, key, startedAt, newDueAt, newOutcome, preAnalysed, cached);
        }
    }

    /** A status poll's answer: the phase, progress 0-100 and when the state last changed. */
    public record Status(Phase phase, int progress, long updatedAt) {}

    /** The result of a submission: the analysis and whether it started an on-demand analysis. */
    public record Submission(Analysis analysis, boolean startedAnalysis) {}

    private record OnServer(long startedAt, long dueAt) {}

    private record Submitted(UUID id, long at) {}

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /**
     * Analysis IDs are forgotten this long after submission, or once this many newer ones exist,
     * so a long-running or load-tested server stays small.
     */
    private static final long EXPIRY = TimeUnit.HOURS.toNanos(1);
    static final int MAX_ANALYSES = 200_000;

    private final SimulatorConfig config;
    private final ExtensionCatalogue catalogue;
    private final Map<UUID, Analysis> analyses = new ConcurrentHashMap<>();
    /** Submission order, guarded by {@link #submitLock}; submissions happen in time order under it. */
    private final ArrayDeque<Submitted> order = new ArrayDeque<>();
    private final Map<String, OnServer> onServer = new ConcurrentHashMap<>();
    private final Map<String, Long> attempts = new ConcurrentHashMap<>();
    // Never reset, so an ID handed out before a reset cannot be handed out again after it.
    private final AtomicLong idSequence = new AtomicLong();
    private final ReentrantLock submitLock = new ReentrantLock();

    public AnalysisRegistry(SimulatorConfig config, ExtensionCatalogue catalogue) {
        this.config = config;
        this.catalogue = catalogue;
    }

    /**
     * Submits an extension.
     *
     * @param forced the outcome a fault imposes, or null for the natural one
     */
    public Submission submit(String publisher, String name, long now, Outcome forced) {
        String key = ExtensionCatalogue.key(publisher, name);
        submitLock.lock();
        try {
            boolean pre = catalogue.isPreAnalysed(key);
            OnServer shared = onServer.get(key);
            long startedAt = now;
            long dueAt = now;
            Outcome outcome = forced != null ? forced : Outcome.COMPLETES;
            boolean started = false;
            if (!pre && shared != null) {
                // Running or done: either way this ID follows that analysis, and reports its times.
                startedAt = shared.startedAt;
                dueAt = shared.dueAt;
            } else if (!pre) {
                long attempt = attempts.merge(key, 1L, Long::sum);
                started = true;
                dueAt = now + analysisTime(key, attempt);
                if (forced == null) {
                    outcome = drawOutcome(key, attempt);
                }
                if (outcome == Outcome.COMPLETES) {
                    onServer.put(key, new OnServer(startedAt, dueAt));
                }
            }
            boolean cached = pre || (shared != null && now >= shared.dueAt);
            var analysis = new Analysis(nextId(), publisher, name, key, startedAt, dueAt, outcome, pre, cached);
            analyses.put(analysis.id(), analysis);
            order.addLast(new Submitted(analysis.id(), now));
            expire(now);
            return new Submission(analysis, started);
        } finally {
            submitLock.unlock();
        }
    }

    public Optional<Analysis> find(UUID id) {
        return Optional.ofNullable(analyses.get(id));
    }

    /** Imposes an outcome on an existing analysis: failing fails now, never-completing stalls it. */
    public Analysis force(Analysis analysis, Outcome outcome, long now) {
        long dueAt = outcome == Outcome.FAILS ? Math.min(now, analysis.dueAt()) : analysis.dueAt();
        Analysis changed = analysis.withOutcome(outcome, dueAt);
        analyses.replace(changed.id(), changed);
        return changed;
    }

    /** What a poll at {@code now} reports. Progress never decreases between polls. */
    public Status status(Analysis a, long now) {
        long elapsed = Math.max(0, now - a.startedAt());
        return switch (a.outcome()) {
            case NEVER_COMPLETES -> elapsed < SECOND
                    ? new Status(Phase.PENDING, 0, a.startedAt())
                    : new Status(Phase.ANALYZING, (int) Math.min(95, Math.max(1, elapsed / SECOND)), now);
            case COMPLETES -> now >= a.dueAt() ? new Status(Phase.COMPLETED, 100, a.dueAt()) : running(a, now);
            case FAILS -> now >= a.dueAt() ? new Status(Phase.FAILED, 100, a.dueAt()) : running(a, now);
        };
    }

    private static Status running(Analysis a, long now) {
        double fraction = (double) (now - a.startedAt()) / (a.dueAt() - a.startedAt());
        if (fraction < 0.1) {
            return new Status(Phase.PENDING, 0, a.startedAt());
        }
        return new Status(Phase.ANALYZING, (int) Math.max(10, Math.min(99, fraction * 100)), now);
    }

    /** Forgets every analysis and everything analysed on demand: the server's cache is cold again. */
    public void clear() {
        submitLock.lock();
        try {
            analyses.clear();
            order.clear();
            onServer.clear();
            attempts.clear();
        } finally {
            submitLock.unlock();
        }
    }

    private long analysisTime(String key, long attempt) {
        long index = SeededDraws.hash(key) + attempt;
        return DistributionSampler.sampleNanos(
                config.analysisTime(),
                SeededDraws.unit(config.seed(), SeededDraws.ANALYSIS_TIME, index),
                SeededDraws.unit(config.seed(), SeededDraws.ANALYSIS_TIME_V, index));
    }

    private Outcome drawOutcome(String key, long attempt) {
        double u = SeededDraws.unit(config.seed(), SeededDraws.ANALYSIS_OUTCOME, SeededDraws.hash(key) + attempt);
        if (u < config.analysisFailureRate()) {
            return Outcome.FAILS;
        }
        if (u < config.analysisFailureRate() + config.analysisNeverCompletesRate()) {
            return Outcome.NEVER_COMPLETES;
        }
        return Outcome.COMPLETES;
    }

    private UUID nextId() {
        long n = idSequence.incrementAndGet();
        long high = SeededDraws.bits(config.seed(), SeededDraws.ANALYSIS_ID, 2 * n);
        long low = SeededDraws.bits(config.seed(), SeededDraws.ANALYSIS_ID, 2 * n + 1);
        // Version 4 and the IETF variant, so it is a well-formed random-style UUID.
        high = (high & ~0xF000L) | 0x4000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private void expire(long now) {
        while (!order.isEmpty() && (order.size() > MAX_ANALYSES || now - order.peekFirst().at() > EXPIRY)) {
            analyses.remove(order.removeFirst().id());
        }
    }
}
