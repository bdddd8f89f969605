package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import nnlab.support.TightServer;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/**
 * Evaluations cost up to a second of CPU each: this server computes one at a time and refuses the others
 * with a 503 naming the property, and a live job's evaluation at the same weights is not computed again.
 */
class EvaluationFloodIT extends TightServer {

    private static final Duration LONG = Duration.ofMinutes(3);

    @Test
    void evaluationsBeyondTheBoundAreRefusedWithRetryAfter() throws Exception {
        Visitor host = instructor(HOST, FIRST_PASSWORD);
        String id = host.submit(Specs.mnist(1000, 10_000, 32, 1, null));
        host.awaitSucceeded(id);

        // eight at once, each with its own samples so that none is answered from the cache
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
        for (int samples = 1; samples <= 8; samples++) {
            String path = "/api/jobs/" + id + "/evaluation?samples=" + samples;
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return host.get(path);
            }, runnable -> new Thread(runnable).start()));
        }
        start.countDown();
        List<Api.Response> done = answers.stream().map(CompletableFuture::join).toList();
        List<Api.Response> busy = done.stream().filter(r -> r.status() == 503).toList();
        assertThat(done).extracting(Api.Response::status).containsOnly(200, 503).contains(200);
        assertThat(busy).as("some of eight evaluations at once past a bound of one").isNotEmpty();
        for (Api.Response r : busy) {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isEqualTo("1");
            JsonNode p = r.json();
            assertThat(p.get("type").asText()).isEqualTo("/problems/server-busy");
            assertThat(p.get("limit").asText()).isEqualTo("nnlab.limits.max-concurrent-evaluations");
            assertThat(p.get("limitValue").asInt()).isEqualTo(1);
            assertThat(p.get("detail").asText()).contains("nnlab.limits.max-concurrent-evaluations");
        }
        // one after another, every one is computed
        for (Api.Response r : busy) {
            assertThat(host.get("/api/jobs/" + id + "/evaluation?samples=" + (20 + busy.indexOf(r))).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aLiveJobIsEvaluatedOncePerEpoch() {
        Visitor host = instructor(HOST, FIRST_PASSWORD);
        String id = host.submit(Specs.mnist(1000, 2000, 32, 200, null));
        try {
            awaitJob(host, id, j -> j.get("epochsDone").asInt() >= 1);
            assertThat(host.post("/api/jobs/" + id + "/pause", "").status()).isEqualTo(200);
            awaitJob(host, id, j -> j.get("status").asText().equals("PAUSED"));

            double computed = count(host, "computed"), cached = count(host, "cached");
            JsonNode first = host.get("/api/jobs/" + id + "/evaluation?samples=6").json();
            JsonNode again = host.get("/api/jobs/" + id + "/evaluation?samples=6").json();
            assertThat(again).isEqualTo(first);
            assertThat(count(host, "computed")).isEqualTo(computed + 1);
            assertThat(count(host, "cached")).isEqualTo(cached + 1);

            // a step is another epoch: other weights, computed again
            int epoch = first.get("epoch").asInt();
            assertThat(host.post("/api/jobs/" + id + "/step", "").status()).isEqualTo(200);
            awaitJob(host, id, j -> j.get("epochsDone").asInt() > epoch && j.get("status").asText().equals("PAUSED"));
            JsonNode next = host.get("/api/jobs/" + id + "/evaluation?samples=6").json();
            assertThat(next.get("epoch").asInt()).isGreaterThan(epoch);
            assertThat(count(host, "computed")).isEqualTo(computed + 2);
        } finally {
            host.delete("/api/jobs/" + id);
        }
    }

    /** The job as its owner sees it, once the condition holds; fails after {@link #LONG}. */
    private static void awaitJob(Visitor owner, String id, java.util.function.Predicate<JsonNode> condition) {
        long end = System.nanoTime() + LONG.toNanos();
        JsonNode job = owner.get("/api/jobs/" + id).json();
        while (!condition.test(job)) {
            if (System.nanoTime() > end) throw new AssertionError("job " + id + " never got there: " + job);
            Api.sleep(100);
            job = owner.get("/api/jobs/" + id).json();
        }
    }

    /** The server's counters are the instructors' to read. */
    private static double count(Visitor instructor, String result) {
        Api.Response r = instructor.get("/actuator/metrics/nnlab.evaluations?tag=result:" + result);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("measurements").get(0).get("value").asDouble();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
