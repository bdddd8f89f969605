package nnlab.jobs.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import nnlab.jobs.ReachableJob;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A job exported as code. The media types are set on each answer rather than declared on the mapping, so that a
 * caller's Accept header never decides before the job's door does (a refusal is problem JSON whatever it asks for).
 */
@RestController
@RequestMapping("/api/jobs")
@Tag(name = "jobs")
public class ExportController {

    static final MediaType PYTHON = new MediaType("text", "x-python", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CodeExports exports;

    public ExportController(CodeExports exports) {
        this.exports = exports;
    }

    @GetMapping("/{id}/code")
    @Operation(summary = "the job as a runnable Keras or PyTorch script (text/x-python, a download)",
            description = "rebuilds the network (layers, activations, initialisation), the loss, the optimiser and "
                    + "every hyper-parameter, loads the data from its public source (MNIST: keras.datasets or "
                    + "torchvision; Iris: scikit-learn) or from GET /api/jobs/{id}/code/data.csv, splits and scales it as "
                    + "the job did, trains and evaluates; --weights loads GET /api/jobs/{id}/code/weights.json. 400 "
                    + "naming framework for another value; 409 for a job whose model is not a neural network")
    public ResponseEntity<String> code(ReachableJob job,
                                       @Parameter(description = "keras (tf.keras) or pytorch",
                                               schema = @Schema(allowableValues = {"keras", "pytorch"}))
                                       @RequestParam(required = false) String framework) {
        Framework f = Framework.of(framework);
        return download(exports.script(job, f), PYTHON, exports.fileName(job, f));
    }

    @GetMapping("/{id}/code/data.csv")
    @Operation(summary = "the job's examples as its script reads them (text/csv)",
            description = "one row per example, unscaled, with the part it is in (train, validation, test) in the "
                    + "column split, in nnlab's order: 2-D sets as x1, x2, label; Boston as its chosen columns and "
                    + "target; the sine set as x, y. 404 for MNIST and Iris, which the script loads from their public "
                    + "sources")
    public ResponseEntity<String> data(ReachableJob job) {
        return download(exports.csv(job), CSV, exports.csvFileName(job));
    }

    @GetMapping("/{id}/code/weights.json")
    @Operation(summary = "the job's weights as its script loads them (kernels in Keras's layout, biases)",
            description = "a finished job's final weights, a running job's latest; 409 before the first epoch")
    public ResponseEntity<WeightsDocument> weights(ReachableJob job) {
        WeightsDocument w = exports.weights(job);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(exports.weightsFileName(job)))
                .contentType(MediaType.APPLICATION_JSON).body(w);
    }

    private static ResponseEntity<String> download(String body, MediaType type, String fileName) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).contentType(type)
                .body(body);
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
