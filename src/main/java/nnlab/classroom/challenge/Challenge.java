package nnlab.classroom.challenge;

import java.time.Instant;
import nnlab.data.DatasetSpec;

/**
 * A challenge as anyone who may see it sees it. The seed of the hidden test set is not part of it: only
 * {@link ChallengeRepository} and {@link HiddenSet} ever hold it.
 *
 * @param dataset        the data to train on, with its public seed: a job is on the challenge's data when its
 *                       {@code dataset} is this one (its validation split, scaling and 2-D features are free)
 * @param hiddenExamples how many examples the hidden test set has
 * @param metric         accuracy (higher is better) or mse (lower is better)
 * @param maxParameters  trainable parameters a submitted model may have
 * @param maxEpochs      epochs a submitted job may have run
 * @param maxSubmissions submissions per student
 * @param showNames      true: the leaderboard shows display names; false: pseudonyms
 */
public record Challenge(long id, long classId, String title, DatasetSpec dataset, int hiddenExamples, String metric,
                        long maxParameters, int maxEpochs, int maxSubmissions, Instant deadline, boolean showNames,
                        boolean closed, Instant createdAt) {

    public static final String ACCURACY = "accuracy";
    public static final String MSE = "mse";

    public boolean higherIsBetter() {
        return ACCURACY.equals(metric);
    }

    /** Open for submissions at this instant. */
    public boolean acceptsAt(Instant now) {
        return !closed && now.isBefore(deadline);
    }
}
