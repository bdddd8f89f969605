package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nnlab.jobs.JobTrace;
import nnlab.jobs.JobTraces;
import nnlab.jobs.ReachableJob;
import nnlab.jobs.TraceRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One example forward and backward through a job's network: what backpropagation computes, number by number. */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs")
public class TraceController {

    private final JobTraces traces;

    public TraceController(JobTraces traces) {
        this.traces = traces;
    }

    @PostMapping(path = "/{id}/trace", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "one example's forward values and backward gradients through the job's current network",
            description = "{} or {\"index\": i} traces training example i; {\"inputs\": [...], \"target\": [...]} or "
                    + "{\"point\": [x1, x2], \"target\": [...]} an example of the caller's. Per layer: z and a of every "
                    + "neuron, δ = ∂L/∂z, ∂L/∂W and ∂L/∂b from the training's own backward pass (batch of one, "
                    + "dropout off, no L1/L2 penalty), each beside a central finite difference of the same loss. "
                    + "400 naming the field for a bad example or a network past nnlab.limits.max-trace-parameters; "
                    + "409 for a job without weights yet")
    public JobTrace trace(ReachableJob job, @RequestBody(required = false) TraceRequest request) {
        return traces.trace(job, request);
    }
}
