package nnlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import nnlab.support.EmbeddedPostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared job queue on one embedded PostgreSQL: a web instance takes the submissions, and one, then two worker
 * instances (one worker thread each, default lease, heartbeat and poll) train them. Prints jobs per minute for a
 * batch of small jobs submitted at once, and the claim latency (admitted to claimed) of single jobs submitted to
 * idle workers. Arguments: jobs per batch (60), epochs per job (20), single jobs for the latency (20).
 */
public final class QueueBenchmark {

    private static final String SPEC = """
            {"dataset": {"name": "playground", "kind": "spiral", "noise": 0.1},
             "model": {"layers": [{"units": 8, "activation": "tanh"}, {"units": 8, "activation": "tanh"},
                                  {"units": 2, "activation": "softmax"}]},
             "training": {"optimizer": "adam", "learningRate": 0.03, "batchSize": 10, "epochs": %d},
             "seed": 7}""";

    private QueueBenchmark() {
    }

    public static void main(String[] args) {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int singles = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String url = EmbeddedPostgresServer.newDatabase("queue_bench");
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try {
            ConfigurableApplicationContext web = start(url, "web", "bench-web");
            instances.add(web);
            Api api = new Api(web.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcClient jdbc = web.getBean(JdbcClient.class);
            Figures.print("jobs_per_batch", jobs);
            Figures.print("epochs_per_job", epochs);
            for (int workers = 1; workers <= 2; workers++) {
                instances.add(start(url, "worker", "bench-worker-" + workers));
                String spec = SPEC.formatted(epochs);
                batch(api, jdbc, spec, jobs, "warm" + workers); // the new worker's first jobs load its natives
                double perMinute = batch(api, jdbc, spec, jobs, "batch" + workers);
                Figures.print("jobs_per_minute_" + workers + "_worker_instances", perMinute);
                long[] latency = claimLatency(api, jdbc, spec, singles, "single" + workers);
                Figures.print("claim_latency_ms_p50_" + workers + "_worker_instances", Figures.percentile(latency, 0.5));
                Figures.print("claim_latency_ms_p99_" + workers + "_worker_instances", Figures.percentile(latency, 0.99));
            }
            Figures.print("load_average", loadAverage());
        } finally {
            for (int i = instances.size() - 1; i >= 0; i--) instances.get(i).close();
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(String url, String role, String id) {
        return new SpringApplicationBuilder(NnlabApplication.class).run("--server.port=0", "--spring.jmx.enabled=false",
                "--logging.level.root=WARN", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER, "--spring.datasource.password=",
                "--nnlab.instance.role=" + role, "--nnlab.instance.id=" + id, "--nnlab.jobs.workers=1",
                "--nnlab.jobs.queue-capacity=10000", "--nnlab.limits.anonymous-submissions-per-minute-per-address=0",
                "--nnlab.security.instructors[0].password=bench password 1234");
    }

    /** Submits a batch, one job per client, and waits for all of them; returns jobs per minute. */
    private static double batch(Api api, JdbcClient jdbc, String spec, int jobs, String prefix) {
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) api.submit(spec, prefix + "-" + i);
        awaitFinished(jdbc, prefix, jobs);
        return jobs / ((System.nanoTime() - start) / 60e9);
    }

    /** Submits single jobs to idle workers; returns the sorted milliseconds from admission to claim. */
    private static long[] claimLatency(Api api, JdbcClient jdbc, String spec, int singles, String prefix) {
        for (int i = 0; i < singles; i++) {
            api.submit(spec, prefix + "-" + i);
            awaitFinished(jdbc, prefix, i + 1);
            Api.sleep(37); // submissions fall at different moments of the workers' poll
        }
        long[] latency = jdbc.sql("select claimed_at - queued_at from job where client like :p")
                .param("p", "anonymous:" + prefix + "-%").query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(latency);
        return latency;
    }

    private static void awaitFinished(JdbcClient jdbc, String prefix, int count) {
        while (jdbc.sql("select count(*) from job where client like :p and status in"
                        + " ('SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED')").param("p", "anonymous:" + prefix + "-%")
                .query(Long.class).single() < count) {
            Api.sleep(20);
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
