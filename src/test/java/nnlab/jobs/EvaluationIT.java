package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.data.Mnist;
import nnlab.engine.Examples;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/** GET /api/jobs/{id}/evaluation: confusion matrices and sample predictions checked against the jobs' own metrics. */
class EvaluationIT extends LiveServer {

    static final String IRIS = """
            {"dataset": {"name": "iris", "trainRatio": 0.8, "scaling": "standard"},
             "model": {"layers": [{"units": 16, "activation": "relu"}, {"units": 3, "activation": "softmax"}]},
             "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 16, "epochs": 8,
                          "loss": "sparse_categorical_crossentropy"},
             "seed": 3}""";

    @Test
    void irisMatrixAgreesWithTheReportedTestAccuracy() {
        String id = api.submit(IRIS);
        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(1));
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        double reported = job.get("last").get("test").get("accuracy").asDouble();

        Api.Response r = api.get("/api/jobs/" + id + "/evaluation?samples=20");
        assertThat(r.status()).isEqualTo(200);
        JsonNode e = r.json();
        assertThat(e.get("split").asText()).isEqualTo("test");
        assertThat(e.get("epoch").asInt()).isEqualTo(8);
        assertThat(e.get("examples").asInt()).isEqualTo(30);
        assertThat(e.get("classNames")).hasSize(3);
        int sum = 0, trace = 0;
        for (int t = 0; t < 3; t++) {
            int row = 0;
            for (int p = 0; p < 3; p++) row += e.get("matrix").get(t).get(p).asInt();
            JsonNode c = e.get("classes").get(t);
            assertThat(c.get("support").asInt()).isEqualTo(row);
            assertThat(c.get("correct").asInt()).isEqualTo(e.get("matrix").get(t).get(t).asInt());
            sum += row;
            trace += e.get("matrix").get(t).get(t).asInt();
        }
        assertThat(sum).isEqualTo(30);
        assertThat(e.get("correct").asInt()).isEqualTo(trace);
        assertThat((double) trace / sum).isCloseTo(reported, offset(1e-9));
        assertThat(e.get("accuracy").asDouble()).isCloseTo(reported, offset(1e-9));

        // 8 epochs leave some mistakes: the samples show them, beside right ones
        int wrong = sum - trace;
        JsonNode samples = e.get("samples");
        assertThat(samples).hasSize(20);
        long shownWrong = 0;
        for (JsonNode s : samples) {
            assertThat(s.get("correct").asBoolean()).isEqualTo(s.get("trueClass").asInt() == s.get("predictedClass").asInt());
            if (!s.get("correct").asBoolean()) shownWrong++;
            double total = 0;
            for (JsonNode p : s.get("probabilities")) total += p.asDouble();
            assertThat(total).isCloseTo(1, offset(1e-6));
            // raw features, not the scaled inputs: sepal length is 4.3 to 7.9 cm
            assertThat(s.get("features")).hasSize(4);
            assertThat(s.get("features").get(0).asDouble()).isBetween(4.2, 8.0);
            assertThat(s.get("pixels").isNull()).isTrue();
        }
        assertThat(shownWrong).isEqualTo(Math.min(wrong, 10));
        assertThat(e.get("featureNames")).hasSize(4);

        // the same weights show the same examples
        assertThat(api.get("/api/jobs/" + id + "/evaluation?samples=20").json()).isEqualTo(e);
        JsonNode validation = api.get("/api/jobs/" + id + "/evaluation?split=train&samples=0").json();
        assertThat(validation.get("examples").asInt()).isEqualTo(120);
        assertThat(validation.get("samples")).isEmpty();
    }

    @Test
    void mnistSamplesCarryTheirPixelsAndTheMatrixCountsTheTestImages() {
        String id = api.submit(Specs.mnist(2000, 10_000, 32, 2, null));
        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(2));
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        double reported = job.get("last").get("test").get("accuracy").asDouble();

        long start = System.nanoTime();
        JsonNode e = api.get("/api/jobs/" + id + "/evaluation?split=test&samples=24").json();
        long first = System.nanoTime();
        assertThat(api.get("/api/jobs/" + id + "/evaluation?split=test&samples=24").json()).isEqualTo(e);
        long again = System.nanoTime();
        System.out.printf("[evaluation] mnist 10000 test images: %.0f ms, the cached answer %.0f ms%n",
                (first - start) / 1e6, (again - first) / 1e6);
        assertThat(e.get("classNames")).hasSize(10);
        int sum = 0, trace = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) sum += e.get("matrix").get(t).get(p).asInt();
            trace += e.get("matrix").get(t).get(t).asInt();
        }
        assertThat(sum).isEqualTo(10_000);
        // computed again in other batches: float rounding may tip a borderline image
        assertThat(trace / 10_000.0).isCloseTo(reported, offset(0.002));
        System.out.printf("[evaluation] mnist 2000 images, 2 epochs: matrix trace %d/10000, job reported %.4f%n", trace, reported);
        assertThat(e.get("image").get("width").asInt()).isEqualTo(28);
        assertThat(e.get("featureNames").isNull()).isTrue();

        JsonNode samples = e.get("samples");
        assertThat(samples).hasSize(24);
        Examples test = Mnist.load(Mnist.Part.TEST, 10_000, false);
        int shownWrong = 0;
        for (JsonNode s : samples) {
            int index = s.get("index").asInt();
            assertThat(s.get("trueClass").asInt()).isEqualTo((int) test.y(index, 0));
            assertThat(s.get("pixels")).hasSize(784);
            for (int px = 0; px < 784; px += 13) {
                assertThat(s.get("pixels").get(px).asInt()).isEqualTo((int) test.x(index, px));
            }
            if (!s.get("correct").asBoolean()) shownWrong++;
        }
        assertThat(shownWrong).isEqualTo(Math.min(10_000 - trace, 12));
    }

    @Test
    void aRunningJobIsJudgedOnItsCurrentWeights() {
        String id = api.submit(Specs.mnist(6000, 500, 32, 200, null));
        api.awaitJob(id, j -> j.get("epochsDone").asInt() >= 1, Duration.ofMinutes(2));
        Api.Response r = api.get("/api/jobs/" + id + "/evaluation?samples=4");
        api.delete("/api/jobs/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("epoch").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.json().get("examples").asInt()).isEqualTo(500);
        assertThat(r.json().get("accuracy").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void badRequestsNameTheFieldAndRegressionIsAConflict() {
        String id = api.submit(IRIS);
        api.awaitFinished(id, Duration.ofMinutes(1));
        Api.Response tooMany = api.get("/api/jobs/" + id + "/evaluation?samples=101");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asText()).isEqualTo("samples");
        assertThat(tooMany.json().get("detail").asText()).contains("100").contains("nnlab.limits.max-evaluation-samples");
        assertThat(api.get("/api/jobs/" + id + "/evaluation?samples=-1").status()).isEqualTo(400);
        Api.Response split = api.get("/api/jobs/" + id + "/evaluation?split=holdout");
        assertThat(split.status()).isEqualTo(400);
        assertThat(split.json().get("field").asText()).isEqualTo("split");
        Api.Response noValidation = api.get("/api/jobs/" + id + "/evaluation?split=validation");
        assertThat(noValidation.status()).isEqualTo(400);
        assertThat(noValidation.json().get("field").asText()).isEqualTo("split");
        assertThat(api.get("/api/jobs/no-such-job/evaluation").status()).isEqualTo(404);

        String boston = api.submit("""
                {"dataset": {"name": "boston", "features": ["RM"], "target": "MEDV"},
                 "model": {"layers": [{"units": 1, "activation": "linear"}]},
                 "training": {"optimizer": "sgd", "learningRate": 0.01, "batchSize": 32, "epochs": 2, "loss": "mse"},
                 "seed": 1}""");
        api.awaitFinished(boston, Duration.ofMinutes(1));
        Api.Response regression = api.get("/api/jobs/" + boston + "/evaluation");
        assertThat(regression.status()).isEqualTo(409);
        assertThat(regression.json().get("detail").asText()).contains("regression");
    }
}
