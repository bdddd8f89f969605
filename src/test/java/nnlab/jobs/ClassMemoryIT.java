package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import nnlab.support.Specs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class on a server with the heap a 1 GB container gives ({@code -Xmx768m}): ten students submit the
 * lecture's MNIST run (784-128-64-10, Adam 1e-3, batch 32, all 60,000 training and 10,000 test images)
 * at the same moment, one epoch each to keep the run short. Every job must succeed in its turn, no
 * answer may be a 5xx, and the server's log must show no out-of-memory error. The server is a process of
 * its own, since the heap of this test's JVM is not the one to test.
 */
class ClassMemoryIT {

    private static final int STUDENTS = 10;
    private static final String HEAP = "-Xmx768m";

    @TempDir
    static Path dir;
    private static Process server;
    private static Path log;
    private static Api api;

    @BeforeAll
    static void startServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = dir.resolve("server.log");
        String javacppCache = System.getProperty("org.bytedeco.javacpp.cachedir",
                Path.of(System.getProperty("user.home"), ".javacpp", "cache").toString());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-Dorg.bytedeco.javacpp.cachedir=" + javacppCache,
                "-cp", System.getProperty("java.class.path"), NnlabApplication.class.getName(),
                "--server.port=" + port, "--nnlab.data-dir=" + dir.resolve("data"),
                "--nnlab.labs.dir=" + dir.resolve("labs"), "--logging.level.root=WARN",
                "--logging.level.nnlab=INFO");
        Files.createDirectories(dir.resolve("labs"));
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        api = new Api(port);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(server.isAlive()).as("the server process is running; its log:\n%s", tail()).isTrue();
            try {
                if (api.get("/actuator/health").status() == 200) break;
            } catch (AssertionError notYet) {
                // not listening yet
            }
            if (System.nanoTime() > end) throw new AssertionError("the server did not start; its log:\n" + tail());
            Api.sleep(250);
        }
        System.out.printf("server with %s up in %.1f s%n", HEAP, (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server == null) return;
        server.destroy();
        if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    }

    @Test
    void tenStudentsTrainFullMnistAtOnceAndEveryJobSucceeds() throws Exception {
        String badSpec = Specs.mnist(60_000, 10_000, 0, 1, null);
        for (int i = 0; i < 3; i++) { // the first request of a fresh server also loads classes
            long t0 = System.nanoTime();
            Api.Response bad = api.post("/api/jobs", badSpec, "student:bad");
            System.out.printf("a full-MNIST spec with batchSize 0: %d in %.1f ms%n", bad.status(),
                    (System.nanoTime() - t0) / 1e6);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.text()).contains("training.batchSize");
        }

        String spec = Specs.mnist(60_000, 10_000, 32, 1, null);
        ExecutorService clients = Executors.newFixedThreadPool(STUDENTS);
        long start = System.nanoTime();
        List<Future<JsonNode>> runs = new ArrayList<>();
        List<Long> peakHeap = new ArrayList<>();
        try {
            for (int i = 0; i < STUDENTS; i++) {
                String client = "student:" + i;
                runs.add(clients.submit((Callable<JsonNode>) () -> run(spec, client)));
            }
            while (!runs.stream().allMatch(Future::isDone)) {
                peakHeap.add(heapUsed());
                Api.sleep(500);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<JsonNode> finished = new ArrayList<>();
            for (Future<JsonNode> f : runs) finished.add(f.get());
            long maxHeap = peakHeap.stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf("%d MNIST jobs (1 epoch, 60,000 images) finished in %.1f s; heap used at most %d MB"
                    + " (sampled every 0.5 s)%n", STUDENTS, seconds, maxHeap >> 20);
            for (JsonNode job : finished) {
                assertThat(job.get("status").asText()).as("job %s", job).isEqualTo("SUCCEEDED");
            }
            String serverLog = Files.readString(log);
            assertThat(serverLog).doesNotContain("OutOfMemoryError");
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Two hidden layers of 1,024 units on all of MNIST scaled to z-scores: ~420 MB of data (with the
     * scaled copy made while preparing) and ~330 MB of its own, more than the 512 MB a 768 MB heap has for jobs.
     */
    @Test
    void aJobLargerThanTheWholeBudgetIsRefusedNamingTheLimit() {
        String huge = Specs.mnist(60_000, 10_000, 32, 1, null)
                .replace("\"testLimit\": 10000}", "\"testLimit\": 10000, \"scaling\": \"standard\"}")
                .replace("{\"units\": 128, \"activation\": \"relu\"}", "{\"units\": 1024, \"activation\": \"relu\"}")
                .replace("{\"units\": 64, \"activation\": \"relu\"}", "{\"units\": 1024, \"activation\": \"relu\"}");
        Api.Response r = api.post("/api/jobs", huge, "student:huge");
        System.out.println("a job too large for the heap: " + r.status() + " " + r.text());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.text()).contains("nnlab.limits.memory-reserve").contains("MB").doesNotContain("java.");
    }

    /** One student: submits, then looks at the job until it ends; every answer must be below 500. */
    private static JsonNode run(String spec, String client) {
        Api.Response submitted = api.post("/api/jobs", spec, client);
        assertThat(submitted.status()).as("submit: %s", submitted.text()).isEqualTo(201);
        String id = submitted.json().get("id").asText();
        long end = System.nanoTime() + Duration.ofSeconds(170).toNanos();
        while (true) {
            Api.Response r = api.get("/api/jobs/" + id, client);
            assertThat(r.status()).as("reading job %s: %s", id, r.text()).isLessThan(500);
            JsonNode job = r.json();
            String status = job.get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING") && !status.equals("PAUSED")) return job;
            if (System.nanoTime() > end) throw new AssertionError("job " + id + " did not finish: " + job);
            Api.sleep(300);
        }
    }

    private static long heapUsed() {
        Api.Response r = api.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (r.status() != 200) return 0;
        return r.json().path("measurements").path(0).path("value").asLong();
    }

    private static String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
