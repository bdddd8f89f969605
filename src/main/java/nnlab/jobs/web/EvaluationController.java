package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nnlab.jobs.Evaluation;
import nnlab.jobs.JobEvaluations;
import nnlab.jobs.ReachableJob;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A classifier job judged on held-out data: confusion matrix, accuracy per class, sample predictions. */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs")
public class EvaluationController {

    private final JobEvaluations evaluations;

    public EvaluationController(JobEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/{id}/evaluation")
    @Operation(summary = "a classifier's confusion matrix, accuracy per class and overall, and sample predictions",
            description = "on the job's current weights (live jobs) or final weights; split defaults to test, else "
                    + "validation, else train; samples mixes right and wrong predictions, the same ones every time "
                    + "for the same weights (kept in memory until the weights change); 409 for regression jobs and jobs "
                    + "without weights; 503 with Retry-After when the server computes as many evaluations as "
                    + "nnlab.limits.max-concurrent-evaluations allows")
    @ApiResponse(responseCode = "200", description = "the evaluation")
    @ApiResponse(responseCode = "409", description = "a regression job, or a job without weights yet")
    @ApiResponse(responseCode = "503", description = "as many evaluations are computed as may be at once: Retry-After")
    public Evaluation evaluation(ReachableJob job,
                                 @Parameter(description = "test, validation or train")
                                 @RequestParam(required = false) String split,
                                 @Parameter(description = "how many sample predictions (images: with their pixels)")
                                 @RequestParam(defaultValue = "24") int samples) {
        return evaluations.evaluate(job, split, samples);
    }
}
