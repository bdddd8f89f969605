package nnlab.classroom.challenge;

import java.time.Instant;
import java.util.List;

/**
 * The best submission of each student, best first; equal scores by the earlier submission. Carries scores
 * only: nothing about single examples of the hidden set.
 *
 * @param name the student's display name, or their pseudonym for this challenge when the instructor chose so
 */
public record Leaderboard(long challengeId, String title, String metric, boolean higherIsBetter, Instant deadline,
                         boolean closed, List<Entry> entries, Instant at) {

    public record Entry(int rank, String name, double score, Instant submittedAt, int submissions) {
    }
}
