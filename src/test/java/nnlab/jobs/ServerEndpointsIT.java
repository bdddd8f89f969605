package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The data set catalogue, health, metrics, the OpenAPI document and page, the job list. */
class ServerEndpointsIT extends LiveServer {

    @Autowired
    JobRepository repository;

    @Test
    void datasetsAreListedWithShapesAndParameters() {
        JsonNode sets = api.get("/api/datasets").json();
        List<String> names = new ArrayList<>();
        sets.forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).contains("playground", "xor", "iris", "boston", "mnist");
        JsonNode mnist = null;
        for (JsonNode s : sets) if (s.get("name").asText().equals("mnist")) mnist = s;
        assertThat(mnist.get("inputs").asInt()).isEqualTo(784);
        assertThat(mnist.get("classes").asInt()).isEqualTo(10);
        assertThat(mnist.get("parameters").toString()).contains("trainLimit");
    }

    @Test
    void catalogueListsDatasetsActivationsOptimizersAndLosses() {
        JsonNode catalogue = api.get("/api/catalogue").json();
        assertThat(catalogue.get("datasets")).isEqualTo(api.get("/api/datasets").json());
        List<String> activations = new ArrayList<>();
        catalogue.get("activations").forEach(a -> {
            activations.add(a.get("id").asText());
            assertThat(a.get("formula").asText()).as(a.toString()).isNotBlank();
            assertThat(a.get("derivative").asText()).as(a.toString()).isNotBlank();
        });
        assertThat(activations).contains("linear", "sigmoid", "tanh", "relu", "leaky_relu", "step", "softmax");
        assertThat(catalogue.get("optimizers").toString()).contains("\"sgd\"", "\"adam\"", "\"rmsprop\"", "\"momentum\"");
        assertThat(catalogue.get("losses").toString()).contains("\"mse\"", "\"binary_crossentropy\"", "\"hinge\"");
    }

    @Test
    void optimiserPathsOnASurfaceAreTheEnginesStepsWithTheSurfaceOnAGrid() {
        JsonNode list = api.get("/api/surfaces").json();
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.get("id").asText()));
        assertThat(names).containsExactly("bowl", "saddle", "rosenbrock", "himmelblau", "beale");

        Api.Response r = api.post("/api/surfaces/bowl/paths", """
                {"runs": [{"optimizer": "sgd", "learningRate": 0.1}, {"optimizer": "momentum", "learningRate": 0.1, "momentum": 0.9},
                          {"optimizer": "rmsprop", "learningRate": 0.1}, {"optimizer": "adam", "learningRate": 0.1}],
                 "start": [-3.5, 1.2], "steps": 30, "grid": 21}""");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode body = r.json();
        JsonNode sgd = body.get("paths").get(0);
        // θ₁ = θ₀ − 0.1·∇f(θ₀) with ∇f = (x, 10y): (−3.15, 0)
        assertThat(sgd.get("x").get(1).asDouble()).isCloseTo(-3.15, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(sgd.get("y").get(1).asDouble()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(sgd.get("loss").size()).isEqualTo(31);
        assertThat(body.get("paths").get(1).get("y").get(2).asDouble()).isCloseTo(-1.08, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(body.get("paths").get(3).get("beta2").asDouble()).isEqualTo(0.999);
        assertThat(body.get("grid").get("values").size()).isEqualTo(21);
        assertThat(body.get("grid").get("values").get(10).get(10).asDouble()).isEqualTo(0.0);
        assertThat(body.get("surface").get("formula").asText()).contains("10y²");

        // defaults: the surface's start, 100 steps, a 61-point grid
        JsonNode plain = api.post("/api/surfaces/rosenbrock/paths", "{\"runs\": [{\"optimizer\": \"adam\"}]}").json();
        assertThat(plain.get("start").toString()).isEqualTo("[-1.5,2.0]");
        assertThat(plain.get("paths").get(0).get("x").size()).isEqualTo(101);
        assertThat(plain.get("paths").get(0).get("learningRate").asDouble()).isEqualTo(0.001);
        assertThat(plain.get("grid").get("xs").size()).isEqualTo(61);

        problem(api.post("/api/surfaces/banana/paths", "{\"runs\": [{\"optimizer\": \"sgd\"}]}"), "name", "rosenbrock");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"lbfgs\"}]}"), "runs[0].optimizer", "adam");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"sgd\"}, {\"optimizer\": \"adam\", \"beta1\": 1}]}"),
                "runs[1].beta1", "[0, 1)");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"sgd\", \"learningRate\": -1}]}"),
                "runs[0].learningRate", "(0, 100]");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"sgd\"}], \"steps\": 100000}"), "steps", "2000");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"sgd\"}], \"grid\": 5000}"), "grid", "201");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"sgd\"}], \"start\": [1]}"), "start", "two numbers");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": []}"), "runs", "1 to 8");
        problem(api.post("/api/surfaces/bowl/paths", "{\"runs\": [{\"optimizer\": \"sgd\", \"speed\": 2}]}"), "speed", "unknown field");
    }

    @Test
    void linearRegionsAreCountedByTheEngineForHandSetAndSeededNetworks() {
        // the lines x = 1, y = 1 and x + y = 0 cross pairwise inside the square: 1 + 3 + 3 = 7 regions
        JsonNode hand = api.post("/api/networks/regions", """
                {"layers": [3], "weights": {"kernels": [[[1, 0, 1], [0, 1, 1]]], "biases": [[-1, -1, 0]]}, "resolution": 100}""").json();
        assertThat(hand.get("regions").asInt()).isEqualTo(7);
        assertThat(hand.get("cells").size()).isEqualTo(100 * 100);
        assertThat(hand.get("seed").isNull()).isTrue();
        int[] counts = new int[3];
        int k = 0;
        for (String layers : List.of("[10]", "[10, 10, 10]", "[10, 10, 10, 10, 10]")) {
            counts[k++] = api.post("/api/networks/regions", "{\"layers\": " + layers + ", \"seed\": 1}").json().get("regions").asInt();
        }
        assertThat(counts).containsExactly(49, 231, 389);

        problem(api.post("/api/networks/regions", "{\"layers\": [10, 100]}"), "layers[1]", "64");
        problem(api.post("/api/networks/regions", "{\"layers\": []}"), "layers", "1 to 8");
        problem(api.post("/api/networks/regions", "{\"layers\": [3], \"resolution\": 1000}"), "resolution", "400");
        problem(api.post("/api/networks/regions", "{\"layers\": [3], \"weights\": {\"kernels\": [[[1, 0]]], \"biases\": [[0, 0]]}}"),
                "weights", "");
    }

    private static void problem(Api.Response r, String field, String limit) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.text()).contains(field).contains(limit).doesNotContain("java.", "Exception");
    }

    @Test
    void activationCurvesAreTheEnginesOwn() {
        // the step is 0 at z = 0, as the engine computes it (z > 0), and its derivative 0 everywhere
        JsonNode step = api.get("/api/activations/step/curve?from=-1&to=1&points=3").json();
        assertThat(step.get("z").toString()).isEqualTo("[-1.0,0.0,1.0]");
        assertThat(step.get("values").toString()).isEqualTo("[0.0,0.0,1.0]");
        assertThat(step.get("derivatives").toString()).isEqualTo("[0.0,0.0,0.0]");
        JsonNode sigmoid = api.get("/api/activations/sigmoid/curve?from=0&to=2&points=2").json();
        assertThat(sigmoid.get("values").get(0).asDouble()).isEqualTo(0.5);
        assertThat(sigmoid.get("derivatives").get(0).asDouble()).isEqualTo(0.25);
        assertThat(api.get("/api/activations/relu/curve").json().get("z").size()).isEqualTo(201);
    }

    @Test
    void badCurveRequestsAreRefusedNamingTheField() {
        assertRefused("/api/activations/relu/curve?points=1002", "points", "1001");
        assertRefused("/api/activations/relu/curve?points=1", "points", "2");
        assertRefused("/api/activations/relu/curve?from=2&to=1", "to", "greater than from");
        assertRefused("/api/activations/relu/curve?from=-1e9", "from", "1000");
        assertRefused("/api/activations/relu/curve?points=many", "points", "many");
        assertRefused("/api/activations/swish/curve", "id", "relu");
        assertRefused("/api/activations/softmax/curve", "id", "whole layer");
    }

    private void assertRefused(String path, String field, String detailPart) {
        Api.Response r = api.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.header("Content-Type")).as(path).contains("application/problem+json");
        assertThat(r.json().get("field").asText()).as(path).isEqualTo(field);
        assertThat(r.json().get("detail").asText()).as(path).contains(detailPart).doesNotContain("Exception", "java.");
    }

    @Test
    void healthAndJobMetrics() {
        String id = api.submit(Specs.spiral(30, null));
        api.awaitFinished(id, Duration.ofSeconds(60));
        // the health's parts are the instructors' (HealthAccessIT)
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode health = teacher.get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("jobs").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");

        // so are the counters: anonymous callers are refused
        assertThat(api.get("/actuator/metrics/nnlab.jobs.epochs").status()).isEqualTo(401);
        JsonNode finished = teacher.get("/actuator/metrics/nnlab.jobs.finished?tag=status:SUCCEEDED").json();
        assertThat(finished.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        JsonNode epochs = teacher.get("/actuator/metrics/nnlab.jobs.epochs").json();
        assertThat(epochs.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(30);
        for (String gauge : List.of("nnlab.jobs.queued", "nnlab.jobs.running", "nnlab.jobs.paused",
                "nnlab.jobs.epochs.rate")) {
            assertThat(teacher.get("/actuator/metrics/" + gauge).status()).as(gauge).isEqualTo(200);
        }
    }

    @Test
    void openApiDocumentAndPage() {
        JsonNode doc = api.get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        for (String path : List.of("/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/metrics", "/api/jobs/{id}/events",
                "/api/jobs/{id}/predict", "/api/jobs/{id}/model", "/api/jobs/{id}/pause", "/api/jobs/{id}/resume",
                "/api/jobs/{id}/step", "/api/datasets", "/api/catalogue", "/api/activations/{id}/curve",
                "/api/surfaces", "/api/surfaces/{name}/paths", "/api/networks/regions")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        Api.Response page = api.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).containsIgnoringCase("swagger");
    }

    @Test
    void specDefaultsAreServedAndDocumentedFromTheOneTable() {
        JsonNode defaults = api.get("/api/spec/defaults").json().get("defaults");
        assertThat(defaults.get("training.learningRate").asDouble()).isEqualTo(0.01);
        assertThat(defaults.get("training.batchSize").asInt()).isEqualTo(32);
        assertThat(defaults.get("training.epochs").asInt()).isEqualTo(10);
        assertThat(defaults.get("training.optimizer").asText()).isEqualTo("sgd");
        assertThat(defaults.get("model.init").asText()).isEqualTo("glorot");
        assertThat(defaults.get("output.grid.resolution").asInt()).isEqualTo(50);

        JsonNode doc = api.get("/v3/api-docs").json();
        assertThat(doc.get("paths").has("/api/spec/defaults")).isTrue();
        JsonNode schemas = doc.get("components").get("schemas");
        String training = schemas.get("JobSpec").get("properties").get("training").get("$ref").asText();
        JsonNode learningRate = schemas.get(training.substring(training.lastIndexOf('/') + 1))
                .get("properties").get("learningRate");
        assertThat(learningRate.get("default").asDouble()).isEqualTo(0.01);
        assertThat(learningRate.get("maximum").asDouble()).isEqualTo(100);
        // exclusive: a number in OpenAPI 3.1, a flag in 3.0
        JsonNode exclusive = learningRate.get("exclusiveMinimum");
        assertThat(exclusive).as(learningRate.toString()).isNotNull();
        assertThat(exclusive.isBoolean() ? exclusive.asBoolean() : exclusive.asDouble() == 0).isTrue();
        assertThat(learningRate.get("description").asText()).contains("default 0.01");
    }

    @Test
    void aFinishedJobsSummaryIsTheOneStoredAtSubmit() {
        String id = api.submit(Specs.spiral(2, null));
        JsonNode done = api.awaitFinished(id, Duration.ofSeconds(60));
        var stored = repository.find(id).orElseThrow().summary();
        assertThat(stored).isNotNull();
        assertThat(done.get("summary").get("totalParameters").asLong()).isEqualTo(stored.totalParameters())
                .isPositive();
    }

    @Test
    void jobListNewestFirstAndFilteredByStatus() {
        String first = api.submit(Specs.spiral(3, null).replace("\"seed\": 7", "\"seed\": null"));
        String second = api.submit(Specs.spiral(3, null));
        api.awaitFinished(first, Duration.ofSeconds(60));
        api.awaitFinished(second, Duration.ofSeconds(60));
        JsonNode all = api.get("/api/jobs").json();
        List<String> ids = new ArrayList<>();
        all.forEach(j -> ids.add(j.get("id").asText()));
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        JsonNode succeeded = api.get("/api/jobs?status=SUCCEEDED").json();
        succeeded.forEach(j -> assertThat(j.get("status").asText()).isEqualTo("SUCCEEDED"));
        // a generated seed is returned, and the same spec with that seed trains the same numbers
        JsonNode job = api.job(first);
        long seed = job.get("seed").asLong();
        assertThat(seed).isNotEqualTo(7).isBetween(0L, 1L << 53);
        assertThat(job.get("spec").get("seed").asLong()).isEqualTo(seed);
        String again = api.submit(Specs.spiral(3, null).replace("\"seed\": 7", "\"seed\": " + seed));
        api.awaitFinished(again, Duration.ofSeconds(60));
        JsonNode a = api.get("/api/jobs/" + first + "/metrics").json();
        JsonNode b = api.get("/api/jobs/" + again + "/metrics").json();
        for (int i = 0; i < 3; i++) {
            assertThat(b.get(i).get("train")).isEqualTo(a.get(i).get("train"));
            assertThat(b.get(i).get("test")).isEqualTo(a.get(i).get("test"));
        }
    }
}
