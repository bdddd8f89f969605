package nnlab.labs;

import java.util.List;
import java.util.Optional;

/**
 * A {@code widget:question} block, as the server checks answers to it: multiple choice ({@code choices}
 * and the index of the right one) or a number (within {@code tolerance} of {@code number}).
 *
 * @param id      the block's {@code id}, or {@code q1}, {@code q2}, … by its place among the lab's questions
 * @param choices null for a number question
 */
public record LabQuestion(String id, String text, List<String> choices, int rightChoice, double number,
                          double tolerance) {

    /** Longest answer text kept (a choice's text or a typed number). */
    public static final int MAX_ANSWER = 200;

    public boolean isChoice() {
        return choices != null;
    }

    /**
     * An answer as the page sends it: a choice's index, or the number typed (commas, underscores and
     * spaces ignored, as the page does).
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
        String plain = text.replaceAll("[,_\\s]", "");
        double v;
        try {
            v = Double.parseDouble(plain);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!Double.isFinite(v) || plain.chars().anyMatch(Character::isLetter)) return Optional.empty();
        return Optional.of(new Checked(shorten(plain), Math.abs(v - number) <= tolerance));
    }

    private static String shorten(String s) {
        return s.length() <= MAX_ANSWER ? s : s.substring(0, MAX_ANSWER);
    }

    /** @param answer what is stored and shown: the choice's text, or the number as typed */
    public record Checked(String answer, boolean correct) {
    }
}
