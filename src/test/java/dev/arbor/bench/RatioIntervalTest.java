package dev.arbor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {

    @Test
    void roundsThatAllAgreeGiveAnIntervalOfThatOneRatio() {
        List<RatioInterval.Round> rounds = List.of(new RatioInterval.Round(1000, 5, 950, 5),
                new RatioInterval.Round(2000, 10, 1900, 10), new RatioInterval.Round(500, 2.5, 475, 2.5));

        RatioInterval interval = RatioInterval.of(rounds);

        assertThat(interval.low()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(interval.high()).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noisyRoundsGiveAnIntervalAroundTheRatioThatNarrowsWithMoreRounds() {
        Random noise = new Random(7);
        List<RatioInterval.Round> rounds = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            rounds.add(new RatioInterval.Round(Math.round(1000 * (1 + 0.2 * noise.nextGaussian())), 5,
                    Math.round(900 * (1 + 0.2 * noise.nextGaussian())), 5));
        }

        RatioInterval few = RatioInterval.of(rounds.subList(0, 8));
        RatioInterval many = RatioInterval.of(rounds);

        assertThat(many.contains(0.9)).isTrue();
        assertThat(many.low()).isLessThan(many.high());
        assertThat(many.high() - many.low()).isLessThan(few.high() - few.low());
    }

    @Test
    void theSameRoundsGiveTheSameInterval() {
        List<RatioInterval.Round> rounds = List.of(new RatioInterval.Round(1000, 5, 900, 5),
                new RatioInterval.Round(1100, 5, 1000, 5), new RatioInterval.Round(950, 5, 990, 5));

        assertThat(RatioInterval.of(rounds)).isEqualTo(RatioInterval.of(rounds));
    }
}
