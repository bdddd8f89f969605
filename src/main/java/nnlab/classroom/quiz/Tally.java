package nnlab.classroom.quiz;

import java.util.ArrayList;
import java.util.List;

/**
 * How a class answered a quiz, without names: the instructor's live histogram, and the students' once revealed.
 *
 * @param answered students who answered
 * @param counts   per choice, the students who picked it (a student may pick several); null for a number question
 * @param values   the numbers given, ascending; null for a choice question
 * @param right    students whose answer is right
 */
public record Tally(long quizId, int answered, List<Integer> counts, List<Double> values, int right) {

    static Tally of(Quiz quiz, List<QuizRepository.Answer> answers) {
        QuizQuestion q = quiz.question();
        int right = (int) answers.stream().filter(QuizRepository.Answer::correct).count();
        if (q.isChoice()) {
            int[] counts = new int[q.choices().size()];
            for (QuizRepository.Answer a : answers) {
                for (String i : a.answer().split(",")) counts[Integer.parseInt(i)]++;
            }
            List<Integer> list = new ArrayList<>();
            for (int c : counts) list.add(c);
            return new Tally(quiz.id(), answers.size(), list, null, right);
        }
        List<Double> values = answers.stream().map(a -> Double.valueOf(a.answer())).sorted().toList();
        return new Tally(quiz.id(), answers.size(), null, values, right);
    }
}
