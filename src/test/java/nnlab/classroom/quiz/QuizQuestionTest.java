package nnlab.classroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a live quiz's answers are checked and tallied. */
class QuizQuestionTest {

    private static final QuizQuestion SEVERAL = new QuizQuestion(null, null, "Which squash?",
            List.of("sigmoid", "ReLU", "tanh"), List.of(0, 2), null, null, null);
    private static final QuizQuestion ONE = new QuizQuestion(null, null, "Which is linear?",
            List.of("sigmoid", "identity"), List.of(1), null, null, null);
    private static final QuizQuestion NUMBER = new QuizQuestion(null, null, "Accuracy?", null, List.of(), 3.65, 0.01,
            null);
    private static final QuizQuestion WHOLE = new QuizQuestion(null, null, "Steps per epoch?", null, List.of(), 1875.0,
            0.0, null);

    @Test
    void severalRightChoicesAreRightOnlyAllTogether() {
        assertThat(SEVERAL.check(List.of(2, 0), null)).contains(new QuizQuestion.Checked("0,2", true));
        assertThat(SEVERAL.check(List.of(0, 0, 2), null)).contains(new QuizQuestion.Checked("0,2", true));
        assertThat(SEVERAL.check(List.of(0), null)).contains(new QuizQuestion.Checked("0", false));
        assertThat(SEVERAL.check(List.of(0, 1, 2), null)).contains(new QuizQuestion.Checked("0,1,2", false));
        assertThat(SEVERAL.check(List.of(3), null)).isEmpty();
        assertThat(SEVERAL.check(List.of(), null)).isEmpty();
        assertThat(SEVERAL.check(null, "0")).isEmpty();
    }

    @Test
    void aOneAnswerQuestionTakesOneChoice() {
        assertThat(ONE.check(List.of(1), null)).contains(new QuizQuestion.Checked("1", true));
        assertThat(ONE.check(List.of(0, 1), null)).isEmpty();
        assertThat(ONE.severalRight()).isFalse();
        assertThat(SEVERAL.severalRight()).isTrue();
    }

    @Test
    void numbersTakeACommaAsDecimalMarkAndATolerance() {
        assertThat(NUMBER.check(null, "3,65")).contains(new QuizQuestion.Checked("3.65", true));
        assertThat(NUMBER.check(null, " 3.659 ")).contains(new QuizQuestion.Checked("3.659", true));
        assertThat(NUMBER.check(null, "3,67")).contains(new QuizQuestion.Checked("3.67", false));
        assertThat(NUMBER.check(null, "three")).isEmpty();
        assertThat(NUMBER.check(null, null)).isEmpty();
        assertThat(WHOLE.check(null, "1,875")).contains(new QuizQuestion.Checked("1875", true));
    }

    @Test
    void aTallyCountsChoicesAndListsNumbers() {
        Quiz choice = new Quiz(1, 1, SEVERAL, Quiz.State.OPEN, java.time.Instant.EPOCH, null, null);
        Tally t = Tally.of(choice, List.of(answer("0,2", true), answer("1", false), answer("2", false)));
        assertThat(t.counts()).containsExactly(1, 1, 2);
        assertThat(t.answered()).isEqualTo(3);
        assertThat(t.right()).isEqualTo(1);
        Quiz number = new Quiz(2, 1, NUMBER, Quiz.State.OPEN, java.time.Instant.EPOCH, null, null);
        Tally n = Tally.of(number, List.of(answer("3.7", false), answer("3.65", true)));
        assertThat(n.values()).containsExactly(3.65, 3.7);
        assertThat(n.counts()).isNull();
    }

    private static QuizRepository.Answer answer(String text, boolean correct) {
        return new QuizRepository.Answer(1, 1, text, correct, java.time.Instant.EPOCH);
    }
}
