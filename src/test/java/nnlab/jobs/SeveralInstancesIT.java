package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nnlab.jobs.LiveStreamsIT.SseEvent;
import nnlab.jobs.web.BusyAnswers;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import nnlab.support.EmbeddedPostgresServer;
import nnlab.support.EmbeddedStompBroker;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three instances in one JVM on one PostgreSQL database, sharing the job queue, and relaying their live messages
 * through one STOMP broker: a web instance that never trains and two workers with one worker thread each. Leases are
 * short (3 s, heartbeat 0.3 s) so that a dead instance's job comes back within seconds; a job nobody looks at for
 * 6 s is cancelled.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static String databaseUrl;
    private static EmbeddedStompBroker broker;
    private static ConfigurableApplicationContext web;
    private static final Map<String, ConfigurableApplicationContext> workers = new java.util.LinkedHashMap<>();
    private static Api onWeb;
    private static JdbcClient jdbc;

    @BeforeAll
    static void startInstances() throws Exception {
        broker = new EmbeddedStompBroker();
        databaseUrl = EmbeddedPostgresServer.newDatabase("several_instances");
        web = start("web", "web-a");
        workers.put("worker-b", start("worker", "worker-b"));
        workers.put("worker-c", start("worker", "worker-c"));
        onWeb = new Api(port(web));
        jdbc = web.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stopInstances() throws Exception {
        workers.values().forEach(ConfigurableApplicationContext::close);
        if (web != null) web.close();
        if (broker != null) broker.close();
    }

    private static ConfigurableApplicationContext start(String role, String id) {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(NnlabApplication.class).run(
                "--server.port=0", "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=", "--nnlab.live.relay.address=" + broker.address(),
                "--nnlab.instance.role=" + role, "--nnlab.instance.id=" + id,
                "--nnlab.jobs.workers=1", "--nnlab.jobs.shared.lease=3s", "--nnlab.jobs.shared.heartbeat=300ms",
                "--nnlab.jobs.shared.poll=50ms", "--nnlab.jobs.shared.control-poll=50ms",
                "--nnlab.jobs.queue-capacity=64", "--nnlab.jobs.max-active-per-client=30",
                "--nnlab.jobs.max-queued-per-client=25", "--nnlab.jobs.idle-timeout=6s",
                "--nnlab.security.instructors[0].username=" + LiveServer.INSTRUCTOR,
                "--nnlab.security.instructors[0].password=" + LiveServer.INSTRUCTOR_PASSWORD);
        try {
            EmbeddedStompBroker.awaitRelayed(instance, id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return instance;
    }

    /** A spiral of 2,000 points, batches of 10: some 1-2 ms an epoch here, several times the tests' usual spiral. */
    private static String slow(int epochs) {
        return Specs.spiral(epochs, null).replace("\"noise\": 0.1", "\"noise\": 0.1, \"samples\": 2000");
    }

    private static int port(ConfigurableApplicationContext c) {
        return c.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String owner(String id) {
        return jdbc.sql("select owner_instance from job where id = :id").param("id", id).query(String.class).single();
    }

    private static int attempts(String id) {
        return jdbc.sql("select attempts from job where id = :id").param("id", id).query(Integer.class).single();
    }

    @Test
    @Order(1)
    void aJobSubmittedOnTheWebInstanceRunsOnAWorker() {
        assertThat(web.getBean(JobQueue.class).workers()).isZero();
        String id = onWeb.submit(Specs.spiral(5, null), "alice");
        JsonNode done = onWeb.awaitFinished(id, WAIT);
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("epochsDone").asInt()).isEqualTo(5);
        assertThat(onWeb.get("/api/jobs/" + id + "/metrics", "alice").json()).extracting(e -> e.get("epoch").asInt())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(owner(id)).isIn("worker-b", "worker-c");
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    @Order(1)
    void aJobSubmittedOnTheWebInstanceIsFollowedThereLiveOverStompAndSseWhileAWorkerTrainsIt() throws Exception {
        String id = onWeb.submit(Specs.spiral(40, "\"startPaused\": true"));
        // claimed by a worker, which parks it before its first epoch: every epoch is still to come
        onWeb.awaitJob(id, j -> j.get("status").asText().equals("PAUSED"), WAIT);
        assertThat(owner(id)).isIn("worker-b", "worker-c");
        try (StompFollower stomp = new StompFollower(port(web))) {
            StompFollower.Followed followed = stomp.follow(id);
            assertThat(followed.snapshot().get("error").isNull()).isTrue();
            assertThat(followed.snapshot().get("status").get("status").asText()).isEqualTo("PAUSED");
            assertThat(followed.snapshot().get("history")).isEmpty();
            CompletableFuture<List<SseEvent>> sse = CompletableFuture.supplyAsync(
                    () -> SseEvent.readAll(onWeb.stream("/api/jobs/" + id + "/events", null).body()));
            awaitSubscribersOnTheWebInstance(id, 2); // the STOMP follower and the SSE stream
            assertThat(onWeb.post("/api/jobs/" + id + "/resume", "").status()).isEqualTo(200);

            List<JsonNode> live = followed.topic().until(StompFollower.finalStatus(), WAIT);
            assertThat(LiveServer.epochs(live)).containsExactlyElementsOf(LiveServer.range(1, 40));
            assertThat(live.get(live.size() - 1).get("status").asText()).isEqualTo("SUCCEEDED");
            List<SseEvent> events = sse.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(events.get(0).name()).isEqualTo("status");
            assertThat(events.stream().filter(e -> e.name().equals("epoch")).map(e -> e.data().get("epoch").asInt()))
                    .containsExactlyElementsOf(LiveServer.range(1, 40));
            assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(stomp.error(Duration.ofSeconds(1))).isNull();
        }
        // trained on the worker only: the web instance never held it
        assertThat(web.getBean(ActiveJobs.class).get(id)).isNull();
        assertThat(attempts(id)).isEqualTo(1);
    }

    /**
     * Late followers on the web instance of a job that a worker trains, which leaves the question of its last
     * published epoch unanswered: the stored history (up to a second behind) and the live epochs still join with no
     * gap, over STOMP and SSE. The web instance, which queued the job, never answers for it itself.
     */
    @Test
    @Order(2)
    void lateFollowersOnTheWebInstanceGetEveryEpochThoughNoWorkerAnswersWhereLiveBegins() throws Exception {
        int epochs = 6000;
        workers.values().forEach(w -> BusyAnswers.silent(w, true));
        try {
            String id = onWeb.submit(slow(epochs), "gina");
            onWeb.awaitJob(id, j -> j.get("epochsDone").asInt() >= 300, WAIT);
            CompletableFuture<List<SseEvent>> sse = CompletableFuture.supplyAsync(
                    () -> SseEvent.readAll(onWeb.stream("/api/jobs/" + id + "/events", null).body()));
            java.util.TreeSet<Integer> stompEpochs = new java.util.TreeSet<>();
            try (StompFollower stomp = new StompFollower(port(web))) {
                StompFollower.Followed followed = stomp.follow(id);
                assertThat(followed.snapshot().get("status").get("status").asText()).isEqualTo("RUNNING");
                followed.snapshot().get("history").forEach(e -> stompEpochs.add(e.get("epoch").asInt()));
                // as a page merges them: the snapshot's epochs, then the live ones it has not got yet
                stompEpochs.addAll(LiveServer.epochs(followed.topic().until(StompFollower.finalStatus(), WAIT)));
            }
            assertThat(stompEpochs).as("epochs over STOMP").containsExactlyElementsOf(LiveServer.range(1, epochs));
            List<SseEvent> events = sse.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(events.get(0).data().get("status").asText()).isEqualTo("RUNNING");
            assertThat(events.stream().filter(e -> e.name().equals("epoch")).map(e -> e.data().get("epoch").asInt()))
                    .as("epochs over SSE").containsExactlyElementsOf(LiveServer.range(1, epochs));
            assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(web.getBean(ActiveJobs.class).get(id)).isNull();
        } finally {
            workers.values().forEach(w -> BusyAnswers.silent(w, false));
        }
    }

    private static void awaitSubscribersOnTheWebInstance(String id, int count) throws InterruptedException {
        JobWatchers watchers = web.getBean(JobWatchers.class);
        long end = System.nanoTime() + WAIT.toNanos();
        while (watchers.subscribers(id) < count) {
            if (System.nanoTime() > end) throw new AssertionError("the live streams did not open");
            Thread.sleep(20);
        }
        Thread.sleep(200); // the SSE stream's broker subscription confirmed: it holds its snapshot
    }

    @Test
    @Order(2)
    void pauseStepLearningRateResumeAndCancelSentToTheWebInstanceReachTheWorker() {
        String id = onWeb.submit(slow(10000), "bob");
        onWeb.awaitJob(id, j -> j.get("status").asText().equals("RUNNING") && j.get("epochsDone").asInt() > 0, WAIT);
        Api onOwner = new Api(port(workers.get(owner(id))));

        assertThat(onWeb.post("/api/jobs/" + id + "/pause", "").status()).isEqualTo(200);
        JsonNode paused = onOwner.awaitJob(id, j -> j.get("status").asText().equals("PAUSED"), WAIT);
        int at = paused.get("epochsDone").asInt();
        Api.sleep(300);
        assertThat(onOwner.job(id).get("epochsDone").asInt()).isEqualTo(at);
        // the web instance reads the stored status: the owner wrote it when the job paused
        assertThat(onWeb.awaitJob(id, j -> j.get("status").asText().equals("PAUSED"), WAIT).get("epochsDone").asInt())
                .isEqualTo(at);

        assertThat(onWeb.post("/api/jobs/" + id + "/step", "").status()).isEqualTo(200);
        onOwner.awaitJob(id, j -> j.get("epochsDone").asInt() == at + 1 && j.get("status").asText().equals("PAUSED"),
                WAIT);

        assertThat(onWeb.patch("/api/jobs/" + id, "{\"learningRate\": 0.005}").status()).isEqualTo(200);
        onOwner.awaitJob(id, j -> j.get("learningRate").asDouble() == 0.005, WAIT);
        assertThat(onWeb.post("/api/jobs/" + id + "/resume", "").status()).isEqualTo(200);
        JsonNode resumed = onOwner.awaitJob(id, j -> j.get("epochsDone").asInt() > at + 3, WAIT);
        assertThat(resumed.get("status").asText()).isEqualTo("RUNNING");
        assertThat(resumed.get("last").get("learningRate").asDouble()).isEqualTo(0.005);

        assertThat(onWeb.delete("/api/jobs/" + id).status()).isIn(200, 202);
        JsonNode cancelled = onWeb.awaitFinished(id, WAIT);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("stopReason").asText()).isEqualTo("CANCELLED");
        assertThat(attempts(id)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aStepWhileRunningIsRefusedAndGrantsToAPacedJobReachItsWorker() {
        String running = onWeb.submit(slow(10000), "carol");
        onWeb.awaitJob(running, j -> j.get("status").asText().equals("RUNNING"), WAIT);
        Api.Response refused = onWeb.post("/api/jobs/" + running + "/step", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("pause it first");
        assertThat(onWeb.delete("/api/jobs/" + running).status()).isIn(200, 202);
        assertThat(onWeb.awaitFinished(running, WAIT).get("status").asText()).isEqualTo("CANCELLED");

        String paced = onWeb.submit(Specs.spiral(50, "\"pace\": {\"until\": 2}"), "carol");
        onWeb.awaitJob(paced, j -> !j.get("status").asText().equals("QUEUED"), WAIT);
        Api onOwner = new Api(port(workers.get(owner(paced))));
        onOwner.awaitJob(paced, j -> j.get("epochsDone").asInt() == 2, WAIT);
        Api.sleep(300);
        assertThat(onOwner.job(paced).get("epochsDone").asInt()).isEqualTo(2);
        assertThat(onWeb.post("/api/jobs/" + paced + "/advance", "{\"until\": 7}").status()).isEqualTo(200);
        onOwner.awaitJob(paced, j -> j.get("epochsDone").asInt() == 7, WAIT);
        assertThat(onWeb.post("/api/jobs/" + running + "/advance", "{\"until\": 7}").status()).isEqualTo(409);
        assertThat(onWeb.post("/api/jobs/" + paced + "/advance", "{\"until\": 50}").status()).isEqualTo(200);
        assertThat(onWeb.awaitFinished(paced, WAIT).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(4)
    void aClientWithTwentyQueuedJobsDoesNotDelayAnothersSingleJob() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) many.add(onWeb.submit(slow(200), "many"));
        Api.Response submitted = onWeb.post("/api/jobs", slow(200), "one");
        assertThat(submitted.status()).isEqualTo(201);
        String one = submitted.json().get("id").asText();
        // next in the shared queue, ahead of the other client's waiting jobs (unless a worker took it already)
        assertThat(submitted.json().get("status").asText().equals("QUEUED")
                ? submitted.json().get("queuePosition").asInt() : 1).isEqualTo(1);
        List<String> all = new ArrayList<>(many);
        all.add(one);
        assertThat(awaitAllFinished(all).values()).containsOnly("SUCCEEDED");

        long oneClaimed = jdbc.sql("select claimed_at from job where id = :id").param("id", one).query(Long.class)
                .single();
        long oneQueued = jdbc.sql("select queued_at from job where id = :id").param("id", one).query(Long.class)
                .single();
        // while it waited, at most one of the other client's jobs (claimed at the moment it arrived) went first
        long overtook = jdbc.sql("select count(*) from job where client = 'anonymous:many' and claimed_at > :q and claimed_at < :c")
                .param("q", oneQueued).param("c", oneClaimed).query(Long.class).single();
        assertThat(overtook).isLessThanOrEqualTo(1);
        long after = jdbc.sql("select count(*) from job where client = 'anonymous:many' and claimed_at > :c")
                .param("c", oneClaimed).query(Long.class).single();
        String order = jdbc.sql("select client, queued_at, claimed_at, owner_instance from job where client in ('anonymous:many', 'anonymous:one')"
                + " order by claimed_at").query((rs, n) -> rs.getString(1) + "@" + rs.getLong(2) % 100000 + "->"
                + rs.getLong(3) % 100000 + ":" + rs.getString(4)).list().toString();
        assertThat(after).as("the other client's jobs still waiting when it started: " + order)
                .isGreaterThanOrEqualTo(10);
        // both workers took part
        assertThat(jdbc.sql("select count(distinct owner_instance) from job where client = 'anonymous:many'").query(Long.class)
                .single()).isEqualTo(2);
    }

    /**
     * Reads every job in turn until all have finished (each read counts as a look, so that none of them, waiting on
     * a loaded machine, falls to the 6 s idle rule); returns their final statuses.
     */
    private static Map<String, String> awaitAllFinished(List<String> ids) {
        Map<String, String> finished = new java.util.LinkedHashMap<>();
        long end = System.nanoTime() + WAIT.toNanos();
        while (finished.size() < ids.size()) {
            if (System.nanoTime() > end) throw new AssertionError("unfinished after " + WAIT + ": " + finished);
            for (String id : ids) {
                if (finished.containsKey(id)) continue;
                String status = onWeb.job(id).get("status").asText();
                if (!List.of("QUEUED", "RUNNING", "PAUSED").contains(status)) finished.put(id, status);
            }
            Api.sleep(100);
        }
        return finished;
    }

    @Test
    @Order(4)
    void readsOnTheWebInstanceKeepAJobOnAWorkerFromItsIdleTimeout() {
        // 4,000 epochs of MNIST (2,000 images, within nnlab.limits.max-work) train for minutes on any machine, far past
        // the 6 s idle rule (the spiral's 10,000 epochs, about a CPU millisecond each, end within the 15 s this test
        // needs on an idle machine)
        String id = onWeb.submit(Specs.mnist(2000, 200, 32, 4000, null), "gina");
        long until = System.currentTimeMillis() + 9_000;
        while (System.currentTimeMillis() < until) {
            assertThat(onWeb.job(id).get("status").asText()).isIn("QUEUED", "RUNNING");
            Api.sleep(500);
        }
        // nobody looks any more (the database is read behind the instances' backs): the worker's idle rule ends it
        long deadline = System.currentTimeMillis() + 60_000;
        while (jdbc.sql("select status from job where id = :id").param("id", id).query(String.class).single()
                .equals("RUNNING") && System.currentTimeMillis() < deadline) {
            Api.sleep(200);
        }
        JsonNode ended = onWeb.job(id);
        assertThat(ended.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(ended.get("error").asText()).startsWith("nobody looked at the job for PT6S");
    }

    @Test
    @Order(5)
    void aRestartTakesBackOnlyTheRestartingInstancesOwnClaims() {
        // a paused job: taken back and claimed again it waits, so what it says can be read at leisure
        String template = onWeb.submit(Specs.spiral(3, "\"startPaused\": true"), "dave");
        assertThat(onWeb.delete("/api/jobs/" + template).status()).isIn(200, 202);
        long later = System.currentTimeMillis() + 600_000;
        for (String[] row : new String[][] {{"ghost-job", "ghost"}, {"elsewhere-job", "elsewhere"}}) {
            jdbc.sql("""
                    insert into job (id, client, spec, status, epochs, inputs, epochs_done, created_at, queued_at,
                      owner_instance, lease_until, claimed_at, attempts)
                    select :id, 'dave', spec, 'RUNNING', epochs, inputs, 2, created_at, created_at, :owner, :later,
                      created_at, 1
                    from job where id = :template""").param("id", row[0]).param("owner", row[1])
                    .param("later", later).param("template", template).update();
        }
        try (ConfigurableApplicationContext ghost = start("web", "ghost")) {
            JsonNode back = onWeb.job("ghost-job");
            assertThat(back.get("error").asText()).isEqualTo("queued again from the start: the server instance"
                    + " running it (ghost) restarted at epoch 2 (start 2 of at most 3)");
            assertThat(back.get("epochsDone").asInt()).isZero();
            onWeb.awaitJob("ghost-job", j -> j.get("status").asText().equals("PAUSED"), WAIT);
            assertThat(owner("ghost-job")).isIn("worker-b", "worker-c");
            assertThat(attempts("ghost-job")).isEqualTo(2);
            // another instance's claim, its lease not run out, is left alone
            assertThat(onWeb.job("elsewhere-job").get("status").asText()).isEqualTo("RUNNING");
            assertThat(owner("elsewhere-job")).isEqualTo("elsewhere");
            assertThat(onWeb.delete("/api/jobs/ghost-job").status()).isIn(200, 202);
            assertThat(onWeb.awaitFinished("ghost-job", WAIT).get("status").asText()).isEqualTo("CANCELLED");
        } finally {
            jdbc.sql("update job set status = 'CANCELLED', owner_instance = null where id = 'elsewhere-job'").update();
        }
    }

    @Test
    @Order(7)
    void aDeadWorkersJobIsQueuedAgainFromTheStartAndRunsOnceOnTheOther() {
        String id = onWeb.submit(slow(3000), "erin");
        onWeb.awaitJob(id, j -> j.get("status").asText().equals("RUNNING") && j.get("epochsDone").asInt() > 0, WAIT);
        String dead = owner(id);
        ConfigurableApplicationContext dying = workers.get(dead);
        String other = workers.keySet().stream().filter(w -> !w.equals(dead)).findFirst().orElseThrow();
        dieWithoutAWord(dying);
        // its last renewal, now that it renews no more: no instance may take the job back before then
        Long leaseUntil = jdbc.sql("select lease_until from job where id = :id").param("id", id).query(Long.class)
                .single();
        assertThat(leaseUntil).isNotNull();
        // the dead instance trains it no more: nothing of it is left in its memory
        ActiveJobs itsJobs = dying.getBean(ActiveJobs.class);
        long until = System.currentTimeMillis() + 5_000;
        while (!itsJobs.all().isEmpty() && System.currentTimeMillis() < until) Api.sleep(20);
        assertThat(itsJobs.all()).isEmpty();
        int stoppedAt = onWeb.job(id).get("epochsDone").asInt();

        JsonNode again = onWeb.awaitJob(id, j -> j.path("error").asText().startsWith("queued again"), WAIT);
        assertThat(System.currentTimeMillis()).as("taken back once its 3 s lease ran out")
                .isGreaterThanOrEqualTo(leaseUntil);
        assertThat(again.get("error").asText()).startsWith("queued again from the start: the server instance running"
                + " it (" + dead + ") stopped renewing its lease at epoch ").endsWith(" (start 2 of at most 3)");
        assertThat(stoppedAt).isPositive();

        JsonNode done = onWeb.awaitFinished(id, WAIT);
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.get("epochsDone").asInt()).isEqualTo(3000);
        assertThat(owner(id)).isEqualTo(other);
        assertThat(attempts(id)).isEqualTo(2);
        // one run's history: every epoch once, none left from the first run
        assertThat(onWeb.get("/api/jobs/" + id + "/metrics", "erin").json()).extracting(e -> e.get("epoch").asInt())
                .containsExactlyElementsOf(LiveServer.range(1, 3000));
    }

    @Test
    @Order(6)
    void aWorkerShutDownMidJobPutsItBackForTheOther() {
        String id = onWeb.submit(slow(10000), "frank");
        onWeb.awaitJob(id, j -> j.get("status").asText().equals("RUNNING") && j.get("epochsDone").asInt() > 0, WAIT);
        String leaving = owner(id);
        workers.remove(leaving).close();
        JsonNode back = onWeb.awaitJob(id, j -> j.path("error").asText().startsWith("queued again"), WAIT);
        assertThat(back.get("error").asText()).contains("(" + leaving + ") shut down at epoch ");
        onWeb.awaitJob(id, j -> j.get("status").asText().equals("RUNNING") && j.get("epochsDone").asInt() > 0, WAIT);
        assertThat(owner(id)).isNotEqualTo(leaving);
        assertThat(onWeb.delete("/api/jobs/" + id).status()).isIn(200, 202);
        assertThat(onWeb.awaitFinished(id, WAIT).get("status").asText()).isEqualTo("CANCELLED");
        workers.put("worker-d", start("worker", "worker-d"));
    }

    /**
     * As a killed process: no more heartbeats, claims or controls, its jobs stop without a word; nothing is put
     * back (its leases must run out).
     */
    private static void dieWithoutAWord(ConfigurableApplicationContext instance) {
        SharedJobQueue queue = (SharedJobQueue) instance.getBean(JobQueue.class);
        instance.getBean(ControlPoller.class).stop();
        queue.leases().stop(false);
        for (Job job : instance.getBean(ActiveJobs.class).all()) job.lose();
        queue.stop();
    }
}
