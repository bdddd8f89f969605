package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;

/** A batch-normalised layer through the job API: spec, summary, weights JSON, import, trace, refusals. */
class BatchNormIT extends LiveServer {

    static final String IRIS_BN = """
            {"dataset": {"name": "iris", "trainRatio": 0.8, "scaling": "standard"},
             "model": {"layers": [{"units": 16, "activation": "relu", "batchNorm": true},
                                  {"units": 3, "activation": "softmax"}]},
             "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 16, "epochs": 20,
                          "loss": "sparse_categorical_crossentropy"},
             "seed": 3}""";

    @Test
    void aNormalisedLayerIsCountedStoredAndImportedAsKerasWould() throws Exception {
        Api.Response submitted = api.post("/api/jobs", IRIS_BN);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        JsonNode summary = submitted.json().get("summary");
        // dense 4→16: 80, batch normalisation 4·16 = 64 (32 not trainable), dense 16→3: 51
        assertThat(summary.get("totalParameters").asLong()).isEqualTo(195);
        assertThat(summary.get("nonTrainableParameters").asLong()).isEqualTo(32);
        assertThat(summary.get("rows").get(1).get("name").asText()).isEqualTo("batch_normalization");
        assertThat(summary.get("rows").get(1).get("type").asText()).isEqualTo("BatchNormalization");
        assertThat(summary.get("rows").get(1).get("parameters").asLong()).isEqualTo(64);
        String id = submitted.json().get("id").asText();
        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(1));
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("last").get("test").get("accuracy").asDouble()).isGreaterThan(0.8);

        JsonNode model = api.get("/api/jobs/" + id + "/model").json();
        assertThat(model.get("layers").get(0).get("batchNorm").asBoolean()).isTrue();
        assertThat(model.get("layers").get(1).has("batchNorm")).isFalse();
        JsonNode norm = model.get("weights").get("batchNorm").get(0);
        assertThat(norm.get("gamma")).hasSize(16);
        assertThat(norm.get("movingVariance")).hasSize(16);
        assertThat(model.get("weights").get("batchNorm").get(1).isNull()).isTrue();
        // 20 epochs of 8 batches: the moving averages have moved from 0 and 1, and are still far from converged
        double meanShift = 0;
        for (JsonNode m : norm.get("movingMean")) meanShift += Math.abs(m.asDouble());
        assertThat(meanShift).isGreaterThan(0);
        for (JsonNode v : norm.get("movingVariance")) assertThat(v.asDouble()).isGreaterThan(0);

        // the weights as a spec's model.weights: the new job starts from them. At a learning rate of 1e-9 its epoch
        // leaves kernels, γ and β where they were, while the moving averages follow the batches on, as in Keras
        ObjectNode again = (ObjectNode) Api.JSON.readTree(IRIS_BN);
        ((ObjectNode) again.get("model")).set("weights", model.get("weights"));
        ((ObjectNode) again.get("training")).put("learningRate", 1e-9).put("epochs", 1);
        String copy = api.submit(again.toString());
        api.awaitFinished(copy, Duration.ofMinutes(1));
        JsonNode copied = api.get("/api/jobs/" + copy + "/model").json().get("weights");
        JsonNode copiedNorm = copied.get("batchNorm").get(0);
        for (int j = 0; j < 16; j++) {
            assertThat(copiedNorm.get("gamma").get(j).asDouble()).isCloseTo(norm.get("gamma").get(j).asDouble(), offset(1e-6));
            assertThat(copiedNorm.get("beta").get(j).asDouble()).isCloseTo(norm.get("beta").get(j).asDouble(), offset(1e-6));
            assertThat(copied.get("kernels").get(0).get(0).get(j).asDouble())
                    .isCloseTo(model.get("weights").get("kernels").get(0).get(0).get(j).asDouble(), offset(1e-6));
        }
        assertThat(copiedNorm.get("movingMean")).isNotEqualTo(norm.get("movingMean"));

        // the trace goes through the normalisation as it predicts (moving averages as constants)
        JsonNode trace = api.post("/api/jobs/" + id + "/trace", "{\"index\": 0}").json().get("trace");
        // (measured 2.2e-5 at seed 3: a gradient of the order of 10⁻⁵ against the difference's rounding)
        assertThat(trace.get("maxRelativeError").asDouble()).isLessThan(1e-4);
        assertThat(trace.get("layers").get(0).get("normGradient").get("gamma")).hasSize(16);
    }

    @Test
    void oldSpecsAreUnchangedAndMisplacedNormalisationIsRefusedInWords() {
        String plain = api.submit(EvaluationIT.IRIS);
        api.awaitFinished(plain, Duration.ofMinutes(1));
        JsonNode model = api.get("/api/jobs/" + plain + "/model").json();
        assertThat(model.get("weights").has("batchNorm")).isFalse();
        assertThat(model.get("layers").get(0).has("batchNorm")).isFalse();
        assertThat(api.job(plain).get("spec").get("model").get("layers").get(0).has("batchNorm")).isFalse();
        assertThat(api.job(plain).get("summary").get("nonTrainableParameters").asLong()).isZero();

        Api.Response output = api.post("/api/jobs", IRIS_BN.replace("{\"units\": 3, \"activation\": \"softmax\"}",
                "{\"units\": 3, \"activation\": \"softmax\", \"batchNorm\": true}"));
        assertThat(output.status()).isEqualTo(400);
        assertThat(output.text()).contains("model.layers[1].batchNorm").contains("not the output layer");
        Api.Response both = api.post("/api/jobs", IRIS_BN.replace("\"batchNorm\": true", "\"batchNorm\": true, \"dropout\": 0.2"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.text()).contains("model.layers[0].batchNorm").contains("dropout");
        Api.Response notBoolean = api.post("/api/jobs", IRIS_BN.replace("\"batchNorm\": true", "\"batchNorm\": 1"));
        assertThat(notBoolean.status()).isEqualTo(400);
    }
}
