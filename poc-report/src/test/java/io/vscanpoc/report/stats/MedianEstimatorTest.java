package io.vscanpoc.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianEstimatorTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, MedianEstimator.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, MedianEstimator.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(7.0, MedianEstimator.median(List.of(7.0)));
    }

    @Test
    void fewerThanThreeSamplesHaveNoInterval() {
        var one = MedianEstimator.estimate(List.of(12.0));
        assertEquals(12.0, one.median());
        assertNull(one.interval());
        assertEquals(1, one.samples());
        assertFalse(MedianEstimator.estimate(List.of(1.0, 2.0)).hasInterval());
    }

    @Test
    void intervalBracketsTheMedianWithinTheSampleRange() {
        var values = List.of(21.0, 22.5, 22.0, 23.9, 20.8, 22.2, 22.1);
        var estimate = MedianEstimator.estimate(values);
        assertEquals(22.1, estimate.median());
        var interval = estimate.interval();
        assertTrue(interval.low() <= 22.1 && 22.1 <= interval.high(), interval.toString());
        assertTrue(interval.low() >= 20.8 && interval.high() <= 23.9, interval.toString());
        assertTrue(interval.high() > interval.low());
    }

    @Test
    void identicalSamplesGiveAZeroWidthInterval() {
        var estimate = MedianEstimator.estimate(List.of(5.0, 5.0, 5.0));
        assertEquals(new Interval(5.0, 5.0), estimate.interval());
    }

    @Test
    void sameDataSameIntervalEveryTime() {
        var values = List.of(3.0, 9.0, 4.0, 6.0, 5.0);
        assertEquals(MedianEstimator.estimate(values), MedianEstimator.estimate(values));
        assertEquals(MedianEstimator.ratio(values, List.of(1.0, 2.0, 1.5)),
                MedianEstimator.ratio(values, List.of(1.0, 2.0, 1.5)));
    }

    @Test
    void ratioOfMediansWithAnIntervalFromBothSides() {
        var ratio = MedianEstimator.ratio(List.of(60.0, 61.0, 59.0), List.of(20.0, 21.0, 19.0)).orElseThrow();
        assertEquals(3.0, ratio.median(), 1e-12);
        assertTrue(ratio.interval().low() >= 59.0 / 21.0 - 1e-12);
        assertTrue(ratio.interval().high() <= 61.0 / 19.0 + 1e-12);
        assertFalse(MedianEstimator.ratio(List.of(60.0), List.of(20.0, 21.0, 19.0)).orElseThrow().hasInterval());
    }

    @Test
    void ratioOverAZeroMedianDoesNotExist() {
        assertTrue(MedianEstimator.ratio(List.of(60.0), List.of(0.0)).isEmpty());
        assertTrue(MedianEstimator.ratio(List.of(60.0, 60.0, 60.0), List.of(0.0, 0.0, 1.0)).isEmpty());
    }

    @Test
    void ratioWhoseDenominatorIsOftenZeroInResamplesHasNoInterval() {
        var ratio = MedianEstimator.ratio(List.of(6.0, 6.0, 6.0), List.of(0.0, 2.0, 2.0)).orElseThrow();
        assertEquals(3.0, ratio.median());
        // A resampled median is zero whenever two or three of the draws are the zero: about 26% of
        // resamples, so an interval still exists and bounds only the finite ratios.
        assertTrue(ratio.hasInterval());
        assertTrue(Double.isFinite(ratio.interval().high()));
    }

    @Test
    void rejectsEmptyAndNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> MedianEstimator.estimate(List.of()));
        assertThrows(IllegalArgumentException.class, () -> MedianEstimator.estimate(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> MedianEstimator.ratio(List.of(Double.POSITIVE_INFINITY), List.of(1.0)));
    }

    @Test
    void nearestRankPercentiles() {
        long[] values = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertEquals(50, Percentiles.nearestRank(values, 50));
        assertEquals(90, Percentiles.nearestRank(values, 90));
        assertEquals(100, Percentiles.nearestRank(values, 99));
        assertEquals(10, Percentiles.nearestRank(new long[] {10}, 99));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[0], 50));
    }
}
