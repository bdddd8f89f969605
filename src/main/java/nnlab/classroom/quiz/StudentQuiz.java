package nnlab.classroom.quiz;

import java.time.Instant;
import java.util.List;

/**
 * A quiz as a student sees it: the question without its key while it is open or closed; once revealed, also the
 * right answer, the explanation and how the class answered.
 *
 * @param several  true when the student may pick several choices
 * @param correct  the right choices' indices; null until revealed (and for a number question)
 * @param number   the right number; null until revealed (and for a choice question)
 * @param tally    how the class answered; null until revealed
 * @param yours    the student's own answer; null when they gave none (and in the messages to the whole class)
 */
public record StudentQuiz(long id, String text, String kind, List<String> choices, boolean several, Quiz.State state,
                          Instant launchedAt, List<Integer> correct, Double number, Double tolerance,
                          String explanation, Tally tally, Yours yours) {

    /** @param correct null until the quiz is revealed */
    public record Yours(String answer, Boolean correct) {
    }

    static StudentQuiz of(Quiz quiz, Tally tally, QuizRepository.Answer own) {
        QuizQuestion q = quiz.question();
        boolean shown = quiz.revealed();
        Yours yours = own == null ? null : new Yours(own.answer(), shown ? own.correct() : null);
        return new StudentQuiz(quiz.id(), q.text(), q.kind(), q.choices(), q.severalRight(), quiz.state(),
                quiz.launchedAt(), shown && q.isChoice() ? q.correct() : null, shown ? q.number() : null,
                shown ? q.tolerance() : null, shown ? q.explanation() : null, shown ? tally : null, yours);
    }
}
