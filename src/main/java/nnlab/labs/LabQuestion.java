package nnlab.labs;

import java.util.List;
import java.util.Optional;

/**
 * A {@code widget:question} block, as the server checks answers to it: multiple choice ({@code choices}
 * and the index of the right one) or a number (within {@code tolerance} of {@code number}). The key and the
 * explanation stay on the server: the page learns whether an answer is right, and the explanation once it is.
 *
 * @param id          the block's {@code id}, or {@code q1}, {@code q2}, … by its place among the lab's questions
 * @param choices     null for a number question
 * @param explanation shown after a right answer; null when the block has none
 */
public record LabQuestion(String id, String text, List<String> choices, int rightChoice, double number,
                          double tolerance, String explanation) {

    /** Longest answer text kept (a choice's text or a typed number). */
    public static final int MAX_ANSWER = 200;

    public boolean isChoice() {
        return choices != null;
    }

    /** Whether the answer is a whole number, so that "1,234" is read as 1234 (see {@link NumberAnswer}). */
    public boolean wholeNumber() {
        return !isChoice() && number == Math.rint(number) && Math.abs(number) < 1e15;
    }

    /**
     * An answer as the page sends it: a choice's index, or the number typed, in either convention ("3,65" is
     * 3.65; {@link NumberAnswer} has the rule).
     *
     * @return empty when the answer is not an answer to this question at all (no such choice, not a number)
     */
    public Optional<Checked> check(String given) {
        String text = given == null ? "" : given.strip();
        if (isChoice()) {
            int index;
            try {
                index = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (index < 0 || index >= choices.size()) return Optional.empty();
            return Optional.of(new Checked(shorten(choices.get(index)), index == rightChoice));
        }
        return NumberAnswer.read(text, wholeNumber())
                .map(n -> new Checked(shorten(n.text()), Math.abs(n.value() - number) <= tolerance));
    }

    private static String shorten(String s) {
        return s.length() <= MAX_ANSWER ? s : s.substring(0, MAX_ANSWER);
    }

    /** @param answer what is stored and shown: the choice's text, or the number read ("3,65" as 3.65) */
    public record Checked(String answer, boolean correct) {
    }
}
