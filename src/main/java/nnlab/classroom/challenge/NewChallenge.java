package nnlab.classroom.challenge;

import java.time.Instant;
import nnlab.data.DatasetSpec;

/**
 * What an instructor asks for when opening a challenge. Unset limits take defaults.
 *
 * @param dataset        playground (any kind and settings), iris, boston or mnist; its seed, validation split and
 *                       scaling are not the instructor's to set (the server draws the seed; the others are the
 *                       students' choice)
 * @param metric         accuracy (classification) or mse (regression); default by the data set's task
 * @param maxParameters  default 100,000
 * @param maxEpochs      default 1000
 * @param maxSubmissions per student, default 5
 * @param deadline       required, in the future
 * @param showNames      display names on the leaderboard (default false: pseudonyms)
 */
public record NewChallenge(String title, DatasetSpec dataset, String metric, Long maxParameters, Integer maxEpochs,
                           Integer maxSubmissions, Instant deadline, Boolean showNames) {
}
