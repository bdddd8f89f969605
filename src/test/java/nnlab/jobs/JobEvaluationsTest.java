package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import nnlab.engine.Model;
import org.junit.jupiter.api.Test;

class JobEvaluationsTest {

    /** 100 examples, the first {@code wrong} of them misclassified. */
    static Model.Classified withWrong(int wrong) {
        int[] actual = new int[100], predicted = new int[100];
        for (int i = 0; i < wrong; i++) predicted[i] = 1;
        return new Model.Classified(actual, predicted, new double[100][]);
    }

    static long wrongAmong(int[] rows, int wrong) {
        return Arrays.stream(rows).filter(i -> i < wrong).count();
    }

    @Test
    void halfTheSamplesAreMistakesWhenThereAreEnough() {
        int[] rows = JobEvaluations.pick(withWrong(30), 24, 7L);
        assertThat(rows).hasSize(24).isSorted().doesNotHaveDuplicates();
        assertThat(wrongAmong(rows, 30)).isEqualTo(12);
    }

    @Test
    void fewMistakesAreAllShownAndTheRestAreRight() {
        int[] rows = JobEvaluations.pick(withWrong(3), 24, 7L);
        assertThat(rows).hasSize(24);
        assertThat(wrongAmong(rows, 3)).isEqualTo(3);
    }

    @Test
    void fewRightAnswersLeaveRoomForMoreMistakes() {
        int[] rows = JobEvaluations.pick(withWrong(95), 24, 7L);
        assertThat(rows).hasSize(24);
        assertThat(wrongAmong(rows, 95)).isEqualTo(19);
    }

    @Test
    void theSameSeedPicksTheSameRowsAndAnotherSeedOthers() {
        assertThat(JobEvaluations.pick(withWrong(30), 10, 7L)).isEqualTo(JobEvaluations.pick(withWrong(30), 10, 7L));
        assertThat(JobEvaluations.pick(withWrong(30), 10, 8L)).isNotEqualTo(JobEvaluations.pick(withWrong(30), 10, 7L));
        assertThat(JobEvaluations.pick(withWrong(30), 200, 7L)).hasSize(100);
        assertThat(JobEvaluations.pick(withWrong(30), 0, 7L)).isEmpty();
    }
}
