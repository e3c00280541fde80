package io.vscanpoc.sim.internal;

/**
 * Stateless, seeded pseudo-random draws: every draw is a pure function of (seed, stream, index), so
 * results never depend on which thread asked first or on a shared generator's state, and the same
 * seed reproduces the same choices. The mixer is SplitMix64's finaliser.
 */
public final class SeededDraws {

    /** Independent streams, so that, say, a latency draw never correlates with a fault draw. */
    public static final long LATENCY_U = 0x4c41_5445_4e43_5955L;
    public static final long LATENCY_V = 0x4c41_5445_4e43_5956L;
    public static final long FAULT = 0x4641_554c_5400_0001L;
    public static final long PRE_ANALYSED = 0x5052_4541_4e41_4c59L;
    public static final long ANALYSIS_TIME = 0x414e_4154_494d_4555L;
    public static final long ANALYSIS_TIME_V = 0x414e_4154_494d_4556L;
    public static final long ANALYSIS_OUTCOME = 0x414e_414f_5554_434fL;
    public static final long ANALYSIS_ID = 0x414e_4149_4400_0001L;
    public static final long CONTENT = 0x434f_4e54_454e_5400L;

    private SeededDraws() {}

    /** SplitMix64's output function: a bijective 64-bit mix with good avalanche. */
    public static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A stable 64-bit hash of {@code text} (FNV-1a over its UTF-16 units, then mixed). */
    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** A 64-bit draw for (seed, stream, index). */
    public static long bits(long seed, long stream, long index) {
        return mix(mix(seed ^ stream) + mix(index));
    }

    /** A uniform draw in [0, 1) for (seed, stream, index). */
    public static double unit(long seed, long stream, long index) {
        return (bits(seed, stream, index) >>> 11) * 0x1.0p-53;
    }
}
