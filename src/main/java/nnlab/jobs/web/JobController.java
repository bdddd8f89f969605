package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import nnlab.data.PreparedDataset;
import nnlab.engine.LayerSpec;
import nnlab.jobs.JobCaller;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobPreviews;
import nnlab.jobs.JobService;
import nnlab.jobs.JobSpec;
import nnlab.jobs.JobStatus;
import nnlab.jobs.JobView;
import nnlab.jobs.PredictRequest;
import nnlab.jobs.Prediction;
import nnlab.jobs.ReachableJob;
import nnlab.jobs.SubmissionGuard;
import nnlab.jobs.TrainedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The job API: submit, inspect, control, stream, predict, download. Every handler of one job takes it as a
 * {@link ReachableJob}, its first argument: the caller's reach is checked before anything else is read.
 */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs", description = "training jobs: submit a spec, follow it live, control it, use the model")
public class JobController {

    private final JobService jobs;
    private final JobPreviews previews;
    private final SseStreams sse;
    private final List<SubmissionGuard> guards;

    public JobController(JobService jobs, JobPreviews previews, SseStreams sse, List<SubmissionGuard> guards) {
        this.jobs = jobs;
        this.previews = previews;
        this.sse = sse;
        this.guards = guards;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "submit a job",
            description = "201 with Location, the job (id, status, seed, queue position) and its model summary; "
                    + "400 naming the field for a bad spec; 429 with Retry-After when the queue or the client's "
                    + "job limit is full; 423 when the caller's class has its submissions paused")
    @ApiResponse(responseCode = "201", description = "the job, queued or started; Location is its address")
    @ApiResponse(responseCode = "423", description = "the caller's class has its submissions paused")
    public ResponseEntity<JobView> submit(@Valid @RequestBody JobSpec spec,
                                          @Parameter(hidden = true) @AuthenticationPrincipal JobCaller caller) {
        // the guards and the submission rate have counted this call already (SubmissionAdmission)
        JobView job = jobs.submit(spec, caller.ownerKey(), caller.classId());
        return ResponseEntity.created(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "what a 2-D job would start from, without a job",
            description = "200 at once with the points (train, test), the initial weights (or model.weights), their "
                    + "train and test loss and accuracy, and the heatmap grid output.grid asks for, as an epoch "
                    + "message carries it; no job is made and no worker used. 400 naming the field for a bad spec or "
                    + "a data set that is not 2-D; 429 with Retry-After past nnlab.limits.previews-per-minute")
    public JobPreviews.Preview preview(@Valid @RequestBody JobSpec spec,
                                       @Parameter(hidden = true) @AuthenticationPrincipal JobCaller caller) {
        for (SubmissionGuard guard : guards) guard.checkPreview(caller);
        return previews.preview(spec, caller.ownerKey());
    }

    @GetMapping
    @Operation(summary = "the caller's newest jobs (200 at most), optionally with one status",
            description = "instructors see every caller's jobs and may filter by owner key (student:<id>, "
                    + "instructor:<name>, anonymous:<client>) or class id; others get 403 for such filters")
    public List<JobView> list(@RequestParam(required = false) JobStatus status,
                              @RequestParam(required = false) String owner,
                              @RequestParam(required = false) Long classId,
                              @Parameter(hidden = true) @AuthenticationPrincipal JobCaller caller) {
        if (caller.seesEveryJob()) return jobs.list(status, owner, classId);
        if ((owner != null && !owner.equals(caller.ownerKey())) || classId != null) {
            throw new AccessDeniedException("only instructors can list other callers' jobs");
        }
        return jobs.list(status, caller.ownerKey(), null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "one job: status, epochs done, last metrics, error, model summary, spec")
    public JobView get(ReachableJob job) {
        return jobs.get(job);
    }

    @GetMapping("/{id}/metrics")
    @Operation(summary = "every epoch so far, in order (the same records as the live epoch messages)")
    public List<JobMessage.Epoch> metrics(ReachableJob job) {
        return jobs.history(job);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: the status, the history, then live epoch/status/progress messages",
            description = "event names are the message types; epoch events carry the epoch as id, so a client "
                    + "that reconnects with Last-Event-ID (or ?after=) gets only what it missed. The stream "
                    + "ends after the job's final status.")
    public SseEmitter events(ReachableJob job,
                             @Parameter(description = "resume after this epoch")
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             @RequestParam(required = false) Integer after) {
        int afterEpoch = after != null ? after : 0;
        if (lastEventId != null) {
            try {
                afterEpoch = Math.max(afterEpoch, Integer.parseInt(lastEventId.strip()));
            } catch (NumberFormatException e) {
                // not one of ours: start from the beginning
            }
        }
        return sse.open(jobs, job, afterEpoch);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "pause after the current epoch (a queued job starts paused)")
    public JobView pause(ReachableJob job) {
        return jobs.pause(job);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "resume a paused job")
    public JobView resume(ReachableJob job) {
        return jobs.resume(job);
    }

    @PostMapping("/{id}/step")
    @Operation(summary = "run exactly one more epoch of a paused job, then pause again (409 if not paused)")
    public JobView step(ReachableJob job) {
        return jobs.step(job);
    }

    /** @param until the epoch a paced job may run up to (absolute: granting the same twice is harmless) */
    public record Grant(@NotNull Integer until) {
    }

    @PostMapping(path = "/{id}/advance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "let a paced job run up to an epoch",
            description = "{\"until\": E}: the job runs up to epoch E (at most its training.epochs) and then waits for "
                    + "more holding no worker; a smaller E than before changes nothing. 409 for a job without a pace. "
                    + "The playground grants the same way over STOMP: SEND to /app/jobs/{id} with this body")
    public JobView advance(ReachableJob job, @Valid @RequestBody Grant grant) {
        return jobs.advance(job, grant.until());
    }

    /** @param learningRate the new learning rate, in (0, 100] */
    public record Change(@NotNull Double learningRate) {
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "change the learning rate of a queued, running or paused job, from its next batch on")
    public JobView change(ReachableJob job, @Valid @RequestBody Change change) {
        return jobs.learningRate(job, change.learningRate());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "cancel: a running job stops before its next batch; a finished job stays as it is")
    @ApiResponse(responseCode = "200", description = "the job had already finished: it stays as it was")
    @ApiResponse(responseCode = "202", description = "the job is cancelled: a running one stops before its next batch")
    public ResponseEntity<JobView> cancel(ReachableJob job) {
        JobView view = jobs.cancel(job);
        return ResponseEntity.status(view.status().finished() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(view);
    }

    @PostMapping(path = "/{id}/predict", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "outputs (and classes) of the job's current model",
            description = "{\"inputs\": [[...]]} with the data set's features, unscaled, or {\"points\": [[x1, x2]]} "
                    + "for 2-D data sets")
    public Prediction predict(ReachableJob job, @RequestBody PredictRequest request) {
        return jobs.predict(job, request);
    }

    /** @param train [x1, x2, label] rows; @param test the same for the test split */
    public record Points(List<double[]> train, List<double[]> test) {
    }

    @GetMapping("/{id}/points")
    @Operation(summary = "the raw points of a 2-D data set (train and test), as the playground draws them")
    public Points points(ReachableJob job) {
        PreparedDataset data = jobs.data(job);
        if (data.plane() == null) {
            throw new nnlab.engine.InvalidSpecException("dataset.name", "is not a set of 2-D points");
        }
        return new Points(rows(data.plane().train()), rows(data.plane().test()));
    }

    private static List<double[]> rows(List<nnlab.data.LabeledPoint> points) {
        return points.stream().map(p -> new double[]{p.x1(), p.x2(), p.label()}).toList();
    }

    @GetMapping("/{id}/model")
    @Operation(summary = "the model as JSON: layers, weights (Keras layout), input scaling, feature and class names, spec")
    public ResponseEntity<ModelDocument> model(ReachableJob job) {
        TrainedModel m = jobs.model(job);
        String id = job.id();
        PreparedDataset data = m.data();
        List<JobSpec.Layer> layers = m.model().spec().layers().stream()
                .map((LayerSpec l) -> new JobSpec.Layer(l.units(), l.activation().id(), l.dropout(),
                        l.batchNorm() ? Boolean.TRUE : null)).toList();
        ModelDocument doc = new ModelDocument(ModelDocument.FORMAT, id, m.epochs(), m.model().spec().inputs(),
                data.featureNames(), data.task().id(), data.target(), data.classNames(), layers, m.model().weights(),
                new ModelDocument.Scaler(data.scaler().scaling().name().toLowerCase(), data.scaler().offsets(),
                        data.scaler().factors()), m.spec());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nnlab-model-" + id + ".json\"")
                .body(doc);
    }
}
