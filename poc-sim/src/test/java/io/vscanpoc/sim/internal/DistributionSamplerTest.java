package io.vscanpoc.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vscanpoc.sim.DurationDistribution;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Seeded, statistical checks of the distributions. */
class DistributionSamplerTest {

    private static final int N = 20_000;

    @Test
    void fixedIsFixed() {
        var d = DurationDistribution.fixed(Duration.ofMillis(250));
        assertEquals(250_000_000L, DistributionSampler.sampleNanos(d, 0.3, 0.9));
    }

    @Test
    void uniformStaysInRangeWithTheMidpointAsMean() {
        var d = DurationDistribution.uniform(Duration.ofSeconds(30), Duration.ofSeconds(45));
        double[] draws = draws(d, 1);
        assertTrue(Arrays.stream(draws).allMatch(x -> x >= 30 && x <= 45));
        double mean = Arrays.stream(draws).average().orElseThrow();
        // sd of the mean: 15 / sqrt(12 N) = 0.03 s.
        assertEquals(37.5, mean, 0.15);
    }

    @Test
    void logNormalHasItsMedianAndSigma() {
        var d = DurationDistribution.logNormal(Duration.ofMillis(600), 0.35);
        double[] draws = draws(d, 2);
        Arrays.sort(draws);
        double median = draws[N / 2];
        assertEquals(0.6, median, 0.6 * 0.02);
        double[] logs = Arrays.stream(draws).map(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (N - 1));
        assertEquals(0.35, sd, 0.35 * 0.03);
        double cap = 0.6 * Math.exp(0.35 * DistributionSampler.MAX_Z);
        assertTrue(draws[N - 1] <= cap + 1e-9, "clamped at 4 sigma");
    }

    @Test
    void sameSeedSameDraws() {
        var d = DurationDistribution.logNormal(Duration.ofMillis(400), 0.3);
        assertTrue(Arrays.equals(draws(d, 5), draws(d, 5)));
    }

    private static double[] draws(DurationDistribution d, long seed) {
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            out[i] = DistributionSampler.sampleNanos(d, SeededDraws.unit(seed, SeededDraws.LATENCY_U, i),
                    SeededDraws.unit(seed, SeededDraws.LATENCY_V, i)) / 1e9;
        }
        return out;
    }
}
