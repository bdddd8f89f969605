package nnlab.classroom.challenge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.identity.Person;
import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.JobService;
import nnlab.jobs.JobStatus;
import nnlab.jobs.JobView;
import nnlab.jobs.Prediction;
import nnlab.jobs.ReachableJob;
import nnlab.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a submitted job against the challenge (the student's own, finished, on the challenge's data, within
 * its limits) and scores its model on the hidden set, all through the jobs' service. The predictions stay here:
 * only the score leaves.
 */
@Component
class ChallengeJudge {

    private final JobService jobs;
    /** Hidden sets by challenge id: drawn once (MNIST's takes a moment), never sent. */
    private final Map<Long, HiddenSet> hidden = new ConcurrentHashMap<>();

    ChallengeJudge(JobService jobs) {
        this.jobs = jobs;
    }

    record Verdict(JobView job, long parameters, double score) {
    }

    Verdict score(Challenge c, long hiddenSeed, Person student, String jobId) {
        InvalidInputException.require(jobId != null && !jobId.isBlank(), "jobId", "is required: the id of a finished job of yours");
        String owner;
        try {
            owner = jobs.owner(jobId);
        } catch (JobNotFoundException e) {
            throw new ChallengeRefusedException(HttpStatus.NOT_FOUND, "No such job", "there is no job '" + jobId + "'");
        }
        if (!student.ownerKey().equals(owner)) {
            throw new ChallengeRefusedException(HttpStatus.FORBIDDEN, "Not your job",
                    "job " + jobId + " is not yours: submit a job you trained");
        }
        ReachableJob reached = jobs.reach(student, jobId);
        JobView job = jobs.get(reached);
        if (job.status() != JobStatus.SUCCEEDED) {
            throw new ChallengeRefusedException(HttpStatus.CONFLICT, "Job not finished", "job " + jobId + " is "
                    + job.status().name().toLowerCase() + ": only a job that finished training (succeeded) can be submitted");
        }
        String difference = ChallengeRules.difference(c.dataset(), job.spec().dataset());
        if (difference != null) {
            throw ChallengeRefusedException.overLimit("dataset", null, null, "job " + jobId
                    + " was not trained on the challenge's data: " + difference);
        }
        if (job.spec().model() != null && job.spec().model().weights() != null) {
            throw ChallengeRefusedException.overLimit("model.weights", null, null, "job " + jobId + " started from"
                    + " weights given in its spec, which may have been trained on other data: start from an initialiser");
        }
        if (job.epochsDone() > c.maxEpochs()) {
            throw ChallengeRefusedException.overLimit("maxEpochs", c.maxEpochs(), job.epochsDone(), "job " + jobId
                    + " ran " + job.epochsDone() + " epochs; the challenge allows at most " + c.maxEpochs());
        }
        long parameters = job.summary() == null ? Long.MAX_VALUE : job.summary().totalParameters();
        if (parameters > c.maxParameters()) {
            throw ChallengeRefusedException.overLimit("maxParameters", c.maxParameters(), parameters, "job " + jobId
                    + "'s model has " + parameters + " parameters; the challenge allows at most " + c.maxParameters());
        }
        HiddenSet set = hidden.computeIfAbsent(c.id(), id -> HiddenSet.draw(c.dataset(), hiddenSeed));
        Prediction answer = jobs.predict(reached, set.request());
        double score = set.score(c.metric(), answer);
        if (!Double.isFinite(score)) {
            throw new ChallengeRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "No score", "job " + jobId
                    + "'s model gives outputs that are not numbers (its training diverged): it was not counted");
        }
        return new Verdict(job, parameters, score);
    }
}
