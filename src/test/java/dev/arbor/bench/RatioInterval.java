package dev.arbor.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How sure a throughput ratio is: a percentile bootstrap over the rounds of a comparison. Each resample draws as many
 * rounds as were run, with replacement, and takes the ratio of the drawn rounds' summed throughputs, as the reported
 * ratio is taken over all rounds; the interval holds the middle 95 % of those ratios. Rounds are the unit because a
 * round's two segments ran back to back, on the same state of the machine. The seed is fixed: the same rounds give
 * the same interval.
 */
record RatioInterval(double low, double high) {

    static final int RESAMPLES = 10_000;

    /** One round: requests and seconds of each side. */
    record Round(long baselineRequests, double baselineSeconds, long arborRequests, double arborSeconds) {
    }

    static RatioInterval of(List<Round> rounds) {
        if (rounds.isEmpty()) {
            return new RatioInterval(Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(20261130L);
        double[] ratios = new double[RESAMPLES];
        for (int resample = 0; resample < RESAMPLES; resample++) {
            long baselineRequests = 0;
            long arborRequests = 0;
            double baselineSeconds = 0;
            double arborSeconds = 0;
            for (int draw = 0; draw < rounds.size(); draw++) {
                Round round = rounds.get(random.nextInt(rounds.size()));
                baselineRequests += round.baselineRequests();
                baselineSeconds += round.baselineSeconds();
                arborRequests += round.arborRequests();
                arborSeconds += round.arborSeconds();
            }
            ratios[resample] = (arborRequests / arborSeconds) / (baselineRequests / baselineSeconds);
        }
        Arrays.sort(ratios);
        return new RatioInterval(ratios[(int) (0.025 * RESAMPLES)], ratios[(int) (0.975 * RESAMPLES) - 1]);
    }

    boolean contains(double ratio) {
        return low <= ratio && ratio <= high;
    }
}
