package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;

/** dataset.augmentation through the job API: MNIST trains on its images and their shifted, rotated copies. */
class AugmentationIT extends LiveServer {

    static final String SPEC = """
            {"dataset": {"name": "mnist", "trainLimit": 320, "testLimit": 100,
                         "augmentation": {"shift": 2, "rotation": 10, "copies": 1, "seed": 5}},
             "model": {"layers": [{"units": 32, "activation": "relu"}, {"units": 10, "activation": "softmax"}]},
             "training": {"optimizer": "adam", "learningRate": 0.001, "batchSize": 32, "epochs": 3,
                          "loss": "sparse_categorical_crossentropy"},
             "seed": 42}""";

    @Test
    void theTrainingImagesAreDoubledAndTheSpecNamesWhatItAsked() {
        String id = api.submit(SPEC);
        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(2));
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        // 320 images and 320 copies, drawn anew in epochs 2 and 3: 20 steps of 32 each epoch
        JsonNode epochs = api.get("/api/jobs/" + id + "/metrics").json();
        assertThat(epochs).hasSize(3);
        for (JsonNode epoch : epochs) assertThat(epoch.get("steps").asInt()).isEqualTo(20);
        JsonNode augmentation = job.get("spec").get("dataset").get("augmentation");
        assertThat(augmentation.get("copies").asInt()).isEqualTo(1);
        assertThat(augmentation.has("seed")).isTrue();
        // the training split judged on the 320 originals: the copies are redrawn every epoch
        JsonNode train = api.get("/api/jobs/" + id + "/evaluation?split=train&samples=4").json();
        assertThat(train.get("split").asText()).isEqualTo("train");
        assertThat(train.get("examples").asInt()).isEqualTo(320);
        for (JsonNode sample : train.get("samples")) assertThat(sample.get("index").asInt()).isBetween(0, 319);

        String plain = api.submit(SPEC.replace(",\n             \"augmentation\": {\"shift\": 2, \"rotation\": 10, \"copies\": 1, \"seed\": 5}", "")
                .replace(", \"testLimit\": 100,\n                         \"augmentation\": {\"shift\": 2, \"rotation\": 10, \"copies\": 1, \"seed\": 5}}",
                        ", \"testLimit\": 100}"));
        api.awaitFinished(plain, Duration.ofMinutes(2));
        assertThat(api.get("/api/jobs/" + plain + "/metrics").json().get(0).get("steps").asInt()).isEqualTo(10);
        assertThat(api.job(plain).get("spec").get("dataset").has("augmentation")).isFalse();
    }

    @Test
    void badAugmentationIsRefusedInWords() {
        Api.Response r = api.post("/api/jobs", SPEC.replace("\"rotation\": 10", "\"rotation\": 90"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("dataset.augmentation.rotation").contains("between 0 and 30 degrees");
        Api.Response iris = api.post("/api/jobs", EvaluationIT.IRIS.replace("\"scaling\": \"standard\"",
                "\"scaling\": \"standard\", \"augmentation\": {}"));
        assertThat(iris.status()).isEqualTo(400);
        assertThat(iris.text()).contains("dataset.augmentation").contains("mnist's images only");
    }
}
