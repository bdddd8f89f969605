package nnlab.classroom.quiz;

import java.time.Instant;

/**
 * A question launched to a class. It is open (answers taken and changeable), then closed (no more answers),
 * then revealed (the key, the explanation and the class's answers shown to the students).
 */
public record Quiz(long id, long classId, QuizQuestion question, State state, Instant launchedAt, Instant closedAt,
                   Instant revealedAt) {

    public enum State {
        OPEN, CLOSED, REVEALED
    }

    public boolean open() {
        return state == State.OPEN;
    }

    public boolean revealed() {
        return state == State.REVEALED;
    }
}
