package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nnlab.NnlabApplication;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Jobs nobody looks at for nnlab.jobs.idle-timeout are cancelled, saying why; a STOMP subscriber, an SSE
 * stream or REST reads keep a job alive, the job list and an instructor's class dashboard do not. And
 * the submission rate limit per client.
 */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-idle;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=3",
                "nnlab.jobs.idle-timeout=2s",
                "nnlab.jobs.submissions-per-minute=3",
                "nnlab.security.instructors[0].username=" + IdleJobsIT.INSTRUCTOR,
                "nnlab.security.instructors[0].password=" + IdleJobsIT.INSTRUCTOR_PASSWORD})
class IdleJobsIT {

    static final Duration LONG = Duration.ofSeconds(60);
    static final String INSTRUCTOR = "teacher";
    static final String INSTRUCTOR_PASSWORD = "idle jobs instructor";

    @LocalServerPort
    int port;

    /**
     * Waits through the job list as the job's owner (the list shows a caller its own jobs), which does not
     * count as looking at a job.
     */
    private static JsonNode awaitInList(Api api, String id, String owner, String status, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode j = inList(api, id, owner);
            if (j.get("status").asText().equals(status)) return j;
            Api.sleep(100);
        }
        throw new AssertionError("job " + id + " did not become " + status + " within " + timeout);
    }

    private static JsonNode inList(Api api, String id, String owner) {
        for (JsonNode j : api.get("/api/jobs", owner).json()) {
            if (j.get("id").asText().equals(id)) return j;
        }
        throw new AssertionError("job " + id + " not in the list");
    }

    @Test
    void aJobNobodyWatchesIsCancelledAndOnesFollowedOrReadAreNot() throws Exception {
        Api api = new Api(port);
        ScheduledExecutorService script = Executors.newSingleThreadScheduledExecutor();
        List<String> polledStatuses = new CopyOnWriteArrayList<>();
        // each watcher is in place right after its job is submitted
        try (StompFollower follower = new StompFollower(port)) {
            String watched = api.submit(Specs.mnist(2000, 100, 4, 1000, null), "student:w");
            follower.follow(watched);
            String streamed = api.submit(Specs.mnist(2000, 100, 4, 1000, null), "student:s");
            var stream = api.stream("/api/jobs/" + streamed + "/events", null);
            String polled = api.submit(Specs.mnist(2000, 100, 4, 1000, null), "student:p");
            // a script following its job by reading it every quarter second
            script.scheduleWithFixedDelay(() -> polledStatuses.add(api.job(polled).get("status").asText()),
                    0, 250, TimeUnit.MILLISECONDS);
            String unwatched = api.submit(Specs.spiral(20, null), "student:u"); // waits for a worker: queued jobs count too
            try (var lines = stream.body()) {
                // the queued job, never looked at again, is cancelled
                awaitInList(api, unwatched, "student:u", "CANCELLED", LONG);
                // twice the timeout later, the followed and the read jobs still run
                Api.sleep(4000);
                for (var owned : Map.of(watched, "student:w", streamed, "student:s", polled, "student:p").entrySet()) {
                    assertThat(inList(api, owned.getKey(), owned.getValue()).get("status").asText()).as(owned.getKey())
                            .isEqualTo("RUNNING");
                }
            }
            JsonNode gone = api.job(unwatched);
            assertThat(gone.get("stopReason").asText()).isEqualTo("CANCELLED");
            assertThat(gone.get("error").asText()).contains("nnlab.jobs.idle-timeout", "kept");

            // the stream left: after the timeout its job is cancelled, history and weights kept
            awaitInList(api, streamed, "student:s", "CANCELLED", LONG);
            assertThat(api.job(streamed).get("error").asText()).contains("nnlab.jobs.idle-timeout");
            assertThat(api.get("/api/jobs/" + streamed + "/model").status()).isEqualTo(200);
            assertThat(inList(api, watched, "student:w").get("status").asText()).isEqualTo("RUNNING");
            follower.close();
            // and so is the job the STOMP follower left
            awaitInList(api, watched, "student:w", "CANCELLED", LONG);
            assertThat(api.job(watched).get("error").asText()).contains("nnlab.jobs.idle-timeout");
            script.shutdownNow();
            assertThat(script.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(polledStatuses).isNotEmpty().allMatch(st -> st.equals("QUEUED") || st.equals("RUNNING"));
            api.delete("/api/jobs/" + polled);
        } finally {
            script.shutdownNow();
        }
    }

    @Test
    void aClassDashboardFollowingAStudentsJobDoesNotKeepItAlive() {
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).status()).isEqualTo(302);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"idle\"}").json();
        String dashboard = "/api/classes/" + made.get("id").asLong() + "/dashboard";
        Visitor student = new Visitor(port);
        assertThat(student.join(made.get("code").asText(), "Ada").status()).isEqualTo(302);
        String id = student.submit(Specs.mnist(2000, 100, 4, 1000, null));
        long end = System.nanoTime() + LONG.toNanos();
        // the student watches the job until it trains (on a busy machine it may wait for a worker longer
        // than the idle timeout), then looks away; the instructor keeps the dashboard open (read here
        // every quarter second)
        while (!student.get("/api/jobs/" + id).json().get("status").asText().equals("RUNNING")) {
            if (System.nanoTime() > end) throw new AssertionError("job " + id + " never started");
            Api.sleep(100);
        }
        List<String> seen = new ArrayList<>();
        String status = "";
        while (!status.equals("CANCELLED")) {
            if (System.nanoTime() > end) throw new AssertionError("job " + id + " still " + status + " in " + seen);
            status = dashboardStatus(teacher.get(dashboard).json(), id);
            seen.add(status);
            Api.sleep(250);
        }
        assertThat(seen).as("the dashboard showed the job going").contains("RUNNING");
        assertThat(student.get("/api/jobs/" + id).json().get("error").asText()).contains("nnlab.jobs.idle-timeout");
    }

    /** The job's status among the dashboard's students' jobs. */
    private static String dashboardStatus(JsonNode view, String id) {
        for (JsonNode s : view.get("students")) {
            for (JsonNode j : s.get("jobs")) {
                if (j.get("id").asText().equals(id)) return j.get("status").asText();
            }
        }
        throw new AssertionError("job " + id + " not on the dashboard " + view);
    }

    @Test
    void submissionsPastTheRatePerClientGet429WithRetryAfter() {
        Api api = new Api(port);
        for (int i = 0; i < 3; i++) api.submit(Specs.spiral(5, null), "student:fast");
        Api.Response r = api.post("/api/jobs", Specs.spiral(5, null), "student:fast");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("limit").asText()).isEqualTo("nnlab.jobs.submissions-per-minute");
        assertThat(r.json().get("limitValue").asInt()).isEqualTo(3);
        // 3 a minute: the next token comes within 20 s
        assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 20);
        // another client is not held back
        api.submit(Specs.spiral(5, null), "student:slow");
    }

    @Test
    void submissionsRefusedForTheirBodyCountTowardTheRateAsAcceptedOnesDo() {
        Api api = new Api(port);
        // a script looping on a bad body: unreadable JSON, an unknown field, a value out of bounds
        String[] bad = {"{\"dataset\": ", Specs.spiral(5, "\"colour\": \"red\""), Specs.spiral(-1, null)};
        for (String body : bad) {
            Api.Response r = api.post("/api/jobs", body, "student:sloppy");
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(body).isNotBlank();
        }
        Api.Response r = api.post("/api/jobs", Specs.spiral(5, null), "student:sloppy");
        assertThat(r.status()).as("the three bad bodies took the three tokens").isEqualTo(429);
        assertThat(r.json().get("limit").asText()).isEqualTo("nnlab.jobs.submissions-per-minute");
        // and past the limit a bad body is refused for the rate too, before it is read
        Api.Response again = api.post("/api/jobs", bad[0], "student:sloppy");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(again.header("Retry-After"))).isBetween(1, 20);
    }
}
