package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;

/**
 * GET /api/jobs/{id}/regions: the linear regions of a job's own network, counted for small nets whose pieces can
 * be counted by hand. The nets start from hand-set weights and train one epoch at η = 10⁻⁹, so their lines stay
 * where the hand put them (to 10⁻⁶, far inside the grid's spacing of 0.06). Who may ask is JobDoorsIT's walk.
 */
class JobRegionsIT extends LiveServer {

    /** A playground set without scaling: the network's inputs are the points' own (x1, x2). */
    private static String spec(String hidden, String weights, String features) {
        return """
                {"dataset": {"name": "playground", "kind": "circle", "samples": 40, "scaling": "none"%s},
                 "model": {"layers": [%s, {"units": 1, "activation": "sigmoid"}]%s},
                 "training": {"optimizer": "sgd", "learningRate": 1e-9, "batchSize": 40, "epochs": 1,
                              "loss": "binary_crossentropy"},
                 "seed": 1}""".formatted(features == null ? "" : ", \"features\": " + features, hidden,
                weights == null ? "" : ", \"weights\": " + weights);
    }

    private JsonNode regions(String spec, int expectedStatus) {
        String id = api.submit(spec);
        assertThat(api.awaitFinished(id, Duration.ofMinutes(1)).get("status").asText()).isEqualTo("SUCCEEDED");
        Api.Response r = api.get("/api/jobs/" + id + "/regions?resolution=200&range=6");
        assertThat(r.status()).as(r.text()).isEqualTo(expectedStatus);
        return r.json();
    }

    @Test
    void threeLinesInGeneralPositionCutSevenPieces() {
        // x1 = 1, x2 = 1 and x1 + x2 = 0: three crossings, (1, 1), (1, −1), (−1, 1), all inside the square, so
        // 1 + 3 + 3 = 7 pieces
        JsonNode r = regions(spec("{\"units\": 3, \"activation\": \"relu\"}",
                "{\"kernels\": [[[1, 0, 1], [0, 1, 1]], [[0], [0], [0]]], \"biases\": [[-1, -1, 0], [0]]}", null), 200);
        assertThat(r.get("regions").asInt()).isEqualTo(7);
        assertThat(r.get("hidden")).extracting(JsonNode::asInt).containsExactly(3);
        assertThat(r.get("activations")).extracting(JsonNode::asText).containsExactly("relu");
        assertThat(r.get("epoch").asInt()).isEqualTo(1);
        assertThat(r.get("cells")).hasSize(200 * 200);
        // the top-left cell (−6, 6): x1 < 1, x2 > 1, x1 + x2 = 0 → units off, on, off; the bottom-right (6, −6): on, off, off
        assertThat(r.get("cells").get(0).asInt()).isNotEqualTo(r.get("cells").get(200 * 200 - 1).asInt());
    }

    @Test
    void aSecondLayerFoldsThePlane() {
        // layer 1: relu(x1), relu(−x1) — one line, x1 = 0; layer 2: relu(|x1| − 1) — the lines x1 = 1 and x1 = −1
        // from one unit: x1 < −1, −1 < x1 < 0, 0 < x1 < 1, x1 > 1 are 4 pieces
        JsonNode r = regions(spec("{\"units\": 2, \"activation\": \"relu\"}, {\"units\": 1, \"activation\": \"relu\"}",
                "{\"kernels\": [[[1, -1], [0, 0]], [[1], [1]], [[0]]], \"biases\": [[0, 0], [-1], [0]]}", null), 200);
        assertThat(r.get("regions").asInt()).isEqualTo(4);
        assertThat(r.get("hidden")).extracting(JsonNode::asInt).containsExactly(2, 1);
    }

    @Test
    void curvedNetworksAndBentInputsAreSaidToHaveNoLinearPieces() {
        JsonNode tanh = regions(spec("{\"units\": 4, \"activation\": \"tanh\"}", null, null), 409);
        assertThat(tanh.get("detail").asText()).contains("is not piecewise linear", "hidden layer 1 uses tanh");
        JsonNode squares = regions(spec("{\"units\": 4, \"activation\": \"relu\"}", null, "[\"x1\", \"x2\", \"x1sq\"]"), 409);
        assertThat(squares.get("detail").asText()).contains("is not piecewise linear", "x1sq");
    }

    @Test
    void aResolutionOutOfRangeIsNamed() {
        String id = api.submit(spec("{\"units\": 2, \"activation\": \"relu\"}", null, null));
        api.awaitFinished(id, Duration.ofMinutes(1));
        Api.Response r = api.get("/api/jobs/" + id + "/regions?resolution=100000");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("resolution", "400");
    }
}
