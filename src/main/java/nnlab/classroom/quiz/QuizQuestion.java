package nnlab.classroom.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nnlab.labs.LabQuestion;
import nnlab.labs.NumberAnswer;

/**
 * A live quiz's question with its key: multiple choice (one or several right choices; an answer is right when
 * it picks exactly those) or a number (right within {@code tolerance}). Numbers are read as lab questions read
 * them, so "3,65" is 3.65 ({@link NumberAnswer}).
 *
 * @param lab      the lab's slug when the question comes from a lab file; else null
 * @param question the question's id in that lab; else null
 * @param choices  null for a number question
 * @param correct  the right choices' indices, ascending; empty for a number question
 */
public record QuizQuestion(String lab, String question, String text, List<String> choices, List<Integer> correct,
                           Double number, Double tolerance, String explanation) {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_CHOICES = 10;
    public static final int MAX_CHOICE = 200;
    public static final int MAX_EXPLANATION = 2000;

    public boolean isChoice() {
        return choices != null;
    }

    public String kind() {
        return isChoice() ? "choice" : "number";
    }

    /** Whether the key asks for several choices (the page then offers check boxes). */
    public boolean severalRight() {
        return correct.size() > 1;
    }

    /** The question of a lab file: one right choice, or a number. */
    static QuizQuestion of(String lab, LabQuestion q) {
        if (q.isChoice()) {
            return new QuizQuestion(lab, q.id(), q.text(), q.choices(), List.of(q.rightChoice()), null, null,
                    q.explanation());
        }
        return new QuizQuestion(lab, q.id(), q.text(), null, List.of(), q.number(), q.tolerance(), q.explanation());
    }

    /** @param answer what is stored and shown: the chosen indices ("0,2"), or the number read ("3,65" as 3.65) */
    public record Checked(String answer, boolean correct) {
    }

    /**
     * An answer: the chosen indices for a choice question, the typed number for a number question.
     *
     * @return empty when it answers nothing: no choice, an index out of range, one choice too many, not a number
     */
    public Optional<Checked> check(List<Integer> chosen, String typed) {
        if (isChoice()) {
            if (chosen == null || chosen.isEmpty()) return Optional.empty();
            TreeSet<Integer> picked = new TreeSet<>();
            for (Integer i : chosen) {
                if (i == null || i < 0 || i >= choices.size()) return Optional.empty();
                picked.add(i);
            }
            if (!severalRight() && picked.size() > 1) return Optional.empty();
            String answer = String.join(",", picked.stream().map(String::valueOf).toList());
            return Optional.of(new Checked(answer, new ArrayList<>(picked).equals(correct)));
        }
        if (typed == null || typed.length() > LabQuestion.MAX_ANSWER) return Optional.empty();
        boolean whole = number == Math.rint(number) && Math.abs(number) < 1e15;
        return NumberAnswer.read(typed, whole).map(n -> new Checked(n.text(), Math.abs(n.value() - number) <= tolerance));
    }
}
