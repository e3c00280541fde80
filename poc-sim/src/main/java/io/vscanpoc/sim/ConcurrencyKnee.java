package io.vscanpoc.sim;

/**
 * Latency growth under load: while more than {@code knee} API requests are in flight, each request's
 * latency is multiplied by {@code 1 + slowdownPerRequest x (inFlight - knee)}, inFlight counted when
 * it arrives. It models a back end that queues work once its workers are busy.
 *
 * @param knee requests in flight the service absorbs without slowing down, at least 1
 * @param slowdownPerRequest extra latency fraction per request above the knee, 0 or more
 */
public record ConcurrencyKnee(int knee, double slowdownPerRequest) {

    public ConcurrencyKnee {
        if (knee < 1) {
            throw new IllegalArgumentException("concurrency knee must be at least 1, got " + knee);
        }
        if (!(slowdownPerRequest >= 0) || Double.isInfinite(slowdownPerRequest)) {
            throw new IllegalArgumentException("slowdown per request must be 0 or more, got " + slowdownPerRequest);
        }
    }

    /** The latency multiplier with {@code inFlight} requests in flight. */
    public double factor(int inFlight) {
        return 1.0 + slowdownPerRequest * Math.max(0, inFlight - knee);
    }
}
