package nnlab.jobs;

import static nnlab.support.LiveServer.INSTRUCTOR;
import static nnlab.support.LiveServer.INSTRUCTOR_PASSWORD;
import static nnlab.support.LiveServer.epochs;
import static nnlab.support.LiveServer.range;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nnlab.jobs.LiveStreamsIT.SseEvent;
import nnlab.support.Api;
import nnlab.support.Specs;
import nnlab.support.Visitor;
import nnlab.support.StompFollower;
import nnlab.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database and one STOMP broker (as docker-compose.yml runs them): a job running
 * on one is followed live on the other, over STOMP and SSE, from its start and joining late; the one door for
 * destinations holds through the broker; instructors' sessions, students' cookies, sign-in throttles and rate limits
 * hold on both.
 */
class RelayedInstancesIT {

    private static final Duration LONG = Duration.ofSeconds(120);
    private static final Duration SHORT = Duration.ofSeconds(2);

    static TwoInstances instances;
    Api a;
    Api b;

    @BeforeAll
    static void start() throws Exception {
        instances = new TwoInstances("several_instances", "nnlab.security.login-failures-per-username=3",
                "nnlab.jobs.submissions-per-minute=5");
    }

    @AfterAll
    static void stop() throws Exception {
        if (instances != null) instances.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void apis() {
        a = new Api(instances.portA());
        b = new Api(instances.portB());
    }

    @Test
    void aJobRunningOnAIsFollowedLiveOnBOverStompAndSseEveryEpochInOrder() throws Exception {
        String id = a.submit(Specs.spiral(40, "\"startPaused\": true"));
        try (StompFollower stomp = new StompFollower(instances.portB())) {
            StompFollower.Followed followed = stomp.follow(id);
            assertThat(followed.snapshot().get("error").isNull()).isTrue();
            assertThat(followed.snapshot().get("history")).isEmpty();
            CompletableFuture<List<SseEvent>> sse = CompletableFuture.supplyAsync(
                    () -> SseEvent.readAll(b.stream("/api/jobs/" + id + "/events", null).body()));
            // the SSE stream is open (its first event is the status) before the job goes on
            awaitSseSubscriber(id);
            assertThat(a.post("/api/jobs/" + id + "/resume", "").status()).isEqualTo(200);

            List<JsonNode> live = followed.topic().until(StompFollower.finalStatus(), LONG);
            assertThat(epochs(live)).containsExactlyElementsOf(range(1, 40));
            assertThat(live.get(live.size() - 1).get("status").asText()).isEqualTo("SUCCEEDED");
            List<SseEvent> events = sse.get(LONG.toSeconds(), TimeUnit.SECONDS);
            assertThat(events.stream().filter(e -> e.name().equals("epoch")).map(e -> e.data().get("epoch").asInt()))
                    .containsExactlyElementsOf(range(1, 40));
            assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(stomp.error(SHORT)).isNull();
        }
    }

    @Test
    void lateSubscribersOnBGetHistoryThenLiveWithoutGap() throws Exception {
        String id = a.submit(Specs.mnist(2000, 200, 32, 30, null));
        a.awaitJob(id, j -> j.get("epochsDone").asInt() >= 3, LONG);
        CompletableFuture<List<SseEvent>> sse = CompletableFuture.supplyAsync(
                () -> SseEvent.readAll(b.stream("/api/jobs/" + id + "/events", null).body()));
        try (StompFollower stomp = new StompFollower(instances.portB())) {
            StompFollower.Followed followed = stomp.follow(id);
            JsonNode snap = followed.snapshot();
            assertThat(snap.get("error").isNull()).isTrue();
            TreeMap<Integer, JsonNode> seen = new TreeMap<>();
            for (JsonNode e : snap.get("history")) seen.put(e.get("epoch").asInt(), e);
            int fromHistory = seen.size();
            assertThat(fromHistory).isGreaterThanOrEqualTo(3);
            assertThat(seen.keySet()).containsExactlyElementsOf(range(1, fromHistory));
            assertThat(snap.get("status").get("status").asText()).isEqualTo("RUNNING");

            List<JsonNode> live = followed.topic().until(StompFollower.finalStatus(), LONG);
            List<Integer> liveEpochs = epochs(live);
            assertThat(liveEpochs).isSorted().doesNotHaveDuplicates();
            for (JsonNode m : live) {
                if (m.get("type").asText().equals("epoch")) seen.putIfAbsent(m.get("epoch").asInt(), m);
            }
            assertThat(seen.keySet()).containsExactlyElementsOf(range(1, 30));
            assertThat(liveEpochs.get(0)).isLessThanOrEqualTo(fromHistory + 1);
        }
        List<SseEvent> events = sse.get(LONG.toSeconds(), TimeUnit.SECONDS);
        assertThat(events.get(0).name()).isEqualTo("status");
        assertThat(events.stream().filter(e -> e.name().equals("epoch")).map(e -> e.data().get("epoch").asInt()))
                .containsExactlyElementsOf(range(1, 30));
        assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void patternsAndTheInstancesOwnTopicsAreRefusedBeforeTheBroker() {
        String id = a.submit(Specs.spiral(3, "\"startPaused\": true"));
        for (String destination : List.of("/topic/#", "/topic/>", "/topic/*", "/topic/jobs/*", "/topic/jobs/#",
                "/topic/jobs.*", "/topic/nnlab.last-epoch.questions", "/topic/nnlab.last-epoch.answers.x",
                "/queue/jobs", "/topic/jobs/" + id + "/#")) {
            try (StompFollower intruder = new StompFollower(instances.portB())) {
                StompFollower.Subscription refused = intruder.subscribe(destination);
                // the refusal is an ERROR frame naming why, then the end of the session, as on a single instance
                assertThat(intruder.error(Duration.ofSeconds(10))).as(destination).contains("must be literal");
                assertThat(refused.poll(Duration.ofMillis(200))).as(destination).isNull();
            }
        }
        a.post("/api/jobs/" + id + "/cancel", "");
    }

    @Test
    void anotherOwnersJobAClassesTopicsAndUnknownPrefixesAreRefusedWithAReasonThroughTheRelay() {
        Visitor teacher = new Visitor(instances.portA());
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"refusals across\"}").json();
        long classId = made.get("id").asLong();
        Visitor alice = new Visitor(instances.portA());
        alice.join(made.get("code").asText(), "Alice");
        String job = alice.submit(Specs.spiral(3, "\"startPaused\": true"));
        java.util.Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("/topic/jobs/" + job, "is not yours");
        refusals.put("/app/jobs/" + job, "is not yours");
        refusals.put("/topic/classes/" + classId, "only instructors");
        refusals.put("/topic/classes/#", "must be literal");
        refusals.put("/topic/classes/" + classId + "/*", "must be literal");
        refusals.put("/user/queue/errors", "must be literal");
        refusals.put("/exchange/amq.topic/jobs." + job, "must be literal");
        refusals.forEach((destination, why) -> {
            try (StompFollower stranger = new StompFollower(instances.portB())) {
                StompFollower.Subscription refused = stranger.subscribe(destination);
                assertThat(stranger.error(Duration.ofSeconds(10))).as(destination).contains(why);
                assertThat(refused.poll(Duration.ofMillis(200))).as(destination).isNull();
            }
        });
        alice.post("/api/jobs/" + job + "/cancel", "");
    }

    @Test
    void anInstructorSignedInOnAIsSignedInOnB() {
        Visitor onA = new Visitor(instances.portA());
        assertThat(onA.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).status()).isEqualTo(302);
        assertThat(onA.get("/api/classes").status()).isEqualTo(200);
        Visitor stranger = new Visitor(instances.portB());
        assertThat(stranger.get("/api/classes").status()).isEqualTo(401);

        Visitor onB = sameBrowser(onA, instances.portB());
        assertThat(onB.get("/api/classes").status()).isEqualTo(200);
        JsonNode made = onB.post("/api/classes", "{\"name\": \"made on B\"}").json();
        assertThat(onA.get("/api/classes/" + made.get("id").asLong() + "/students").status()).isEqualTo(200);
    }

    @Test
    void aStudentWhoJoinedOnAIsKnownOnB() {
        Visitor teacher = new Visitor(instances.portA());
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"joined on A\"}").json().get("code").asText();
        Visitor alice = new Visitor(instances.portA());
        assertThat(alice.join(code, "Alice").status()).isEqualTo(302);
        String job = alice.submit(Specs.spiral(2, "\"startPaused\": true"));

        Visitor aliceOnB = sameBrowser(alice, instances.portB());
        assertThat(aliceOnB.get("/api/jobs/" + job).status()).isEqualTo(200);
        // an anonymous caller on B is not Alice
        assertThat(b.get("/api/jobs/" + job).status()).isEqualTo(401);
        aliceOnB.post("/api/jobs/" + job + "/cancel", "");
    }

    @Test
    void aSignInThrottleReachedOnAHoldsOnB() {
        Visitor guesserOnA = new Visitor(instances.portA());
        for (int i = 1; i <= 3; i++) {
            assertThat(guesserOnA.login("someone", "guess " + i).header("Location")).endsWith("/login?error");
        }
        assertThat(guesserOnA.login("someone", "guess 4").status()).isEqualTo(429);
        Api.Response onB = new Visitor(instances.portB()).login("someone", "guess 5");
        assertThat(onB.status()).isEqualTo(429);
        assertThat(Long.parseLong(onB.header("Retry-After"))).isPositive();
    }

    @Test
    void aSubmissionRateReachedOnAHoldsOnB() {
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Response r = a.post("/api/jobs", Specs.spiral(2, "\"startPaused\": true"), "rate-limited-client");
            assertThat(r.status()).as("submission %d on A", i + 1).isEqualTo(201);
            made.add(r.json().get("id").asText());
        }
        Api.Response refused = b.post("/api/jobs", Specs.spiral(2, "\"startPaused\": true"), "rate-limited-client");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).contains("nnlab.jobs.submissions-per-minute");
        // another client on B is not held up
        Api.Response other = b.post("/api/jobs", Specs.spiral(2, "\"startPaused\": true"), "another-client");
        assertThat(other.status()).isEqualTo(201);
        made.add(other.json().get("id").asText());
        made.forEach(id -> a.post("/api/jobs/" + id + "/cancel", ""));
    }

    @Test
    void theDashboardOnBSeesAStudentsJobRunningOnA() throws Exception {
        Visitor teacher = new Visitor(instances.portB());
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"dashboard across\"}").json();
        long classId = made.get("id").asLong();
        Visitor alice = new Visitor(instances.portA());
        alice.join(made.get("code").asText(), "Alice");
        String job = alice.submit(Specs.spiral(3, "\"startPaused\": true"));
        org.springframework.web.socket.WebSocketHttpHeaders handshake = new org.springframework.web.socket.WebSocketHttpHeaders();
        handshake.add("Cookie", teacher.cookieHeader());
        try (StompFollower dashboard = new StompFollower(instances.portB(), handshake)) {
            StompFollower.Subscription pushes = dashboard.subscribe("/topic/classes/" + classId);
            Thread.sleep(500); // the subscription reaches the broker
            assertThat(alice.post("/api/jobs/" + job + "/step", "").status()).isEqualTo(200);

            // B knows the job's latest epoch, which only its messages tell (it runs on A)
            nnlab.classroom.dashboard.LiveJobs onB = instances.b().getBean(nnlab.classroom.dashboard.LiveJobs.class);
            long end = System.nanoTime() + LONG.toNanos();
            while (onB.state(job).map(st -> st.epochsDone() < 1).orElse(true)) {
                if (System.nanoTime() > end) throw new AssertionError("instance B never heard of the job's epoch");
                Thread.sleep(20);
            }
            assertThat(onB.state(job).orElseThrow().last().train().loss()).isNotNull();
            JsonNode row = null;
            while (row == null && System.nanoTime() < end) {
                JsonNode push = pushes.next(LONG);
                for (JsonNode r : push.path("queue")) {
                    if (r.path("id").asText().equals(job) && r.path("epoch").asInt() == 1) row = r;
                }
            }
            assertThat(row).as("a dashboard push with the job's first epoch").isNotNull();
            assertThat(row.get("loss").isNumber()).isTrue();
            assertThat(dashboard.error(SHORT)).isNull();
        }
        alice.post("/api/jobs/" + job + "/cancel", "");
    }

    @Test
    void aChallengeOpenedOnAAfterBStartedKeepsItsHiddenRowsOutOfJobsOnBAndIsScoredTheSameThere() {
        Visitor teacher = new Visitor(instances.portA());
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"challenge across\"}").json();
        Visitor annOnA = new Visitor(instances.portA());
        assertThat(annOnA.join(made.get("code").asText(), "Ann").status()).isEqualTo(302);
        Visitor annOnB = sameBrowser(annOnA, instances.portB());
        Api.Response opened = teacher.post("/api/classes/" + made.get("id").asLong() + "/challenges", "{\"title\":"
                + " \"Iris across\", \"dataset\": {\"name\": \"iris\", \"trainRatio\": 0.8}, \"maxParameters\": 1000,"
                + " \"maxSubmissions\": 5, \"deadline\": \"" + java.time.Instant.now().plusSeconds(3600) + "\"}");
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        long challenge = opened.json().get("id").asLong();
        JsonNode data = opened.json().get("dataset");
        String spec = "{\"dataset\": " + data + ", \"model\": {\"layers\": [{\"units\": 10, \"activation\": \"tanh\"},"
                + " {\"units\": 3, \"activation\": \"softmax\"}]}, \"training\": {\"optimizer\": \"adam\","
                + " \"learningRate\": 0.03, \"batchSize\": 10, \"epochs\": 30}, \"seed\": 11}";

        String onA = annOnA.submit(spec); // A holds the rows out from its own memory of the opening
        annOnA.awaitSucceeded(onA);
        // both instances run in this JVM: forget here what instance B, on its own machine, never learnt
        nnlab.data.HeldOut.forget("iris", data.get("seed").asLong());
        String onB = annOnB.submit(spec);
        annOnB.awaitSucceeded(onB);
        String elsewhere = annOnB.submit(spec.replace("\"seed\":" + data.get("seed"), "\"seed\":5")
                .replace("\"epochs\": 30", "\"epochs\": 1"));
        annOnB.awaitSucceeded(elsewhere);

        assertThat(examples(annOnA, onA)).isEqualTo(150 - 30);
        assertThat(examples(annOnB, onB)).isEqualTo(150 - 30);
        assertThat(examples(annOnB, elsewhere)).isEqualTo(150);
        // the same rows: the same seed trained on the same examples gives the same numbers
        JsonNode lastOnA = annOnA.get("/api/jobs/" + onA).json().get("last");
        JsonNode lastOnB = annOnB.get("/api/jobs/" + onB).json().get("last");
        assertThat(lastOnB.get("train")).isEqualTo(lastOnA.get("train"));
        assertThat(lastOnB.get("test")).isEqualTo(lastOnA.get("test"));

        Api.Response scoredOnA = annOnA.post("/api/challenges/" + challenge + "/submissions", "{\"jobId\": \"" + onA + "\"}");
        Api.Response scoredOnB = annOnB.post("/api/challenges/" + challenge + "/submissions", "{\"jobId\": \"" + onB + "\"}");
        assertThat(scoredOnA.status()).as(scoredOnA.text()).isEqualTo(200);
        assertThat(scoredOnB.status()).as(scoredOnB.text()).isEqualTo(200);
        JsonNode scores = scoredOnB.json().get("submissions");
        assertThat(scores).hasSize(2);
        assertThat(scores.get(1).get("score").asDouble()).isEqualTo(scores.get(0).get("score").asDouble());
        assertThat(scores.get(1).get("score").asDouble()).isGreaterThan(0.6);
        JsonNode board = teacher.get("/api/challenges/" + challenge + "/leaderboard").json();
        assertThat(board.get("entries").get(0).get("score").asDouble()).isEqualTo(scores.get(1).get("score").asDouble());
        System.out.printf("[challenge across] hidden accuracy %.3f on A and on B%n", scores.get(1).get("score").asDouble());
    }

    private static int examples(Visitor who, String job) {
        int n = 0;
        for (String split : List.of("train", "test")) {
            n += who.get("/api/jobs/" + job + "/evaluation?samples=0&split=" + split).json().get("examples").asInt();
        }
        return n;
    }

    @Test
    void aStudentsPagesOnBReachTheDashboardOnAEachChangePushedOnce() throws Exception {
        Visitor teacher = new Visitor(instances.portA());
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"presence across\"}").json();
        long classId = made.get("id").asLong();
        Visitor annOnB = new Visitor(instances.portB());
        assertThat(annOnB.join(made.get("code").asText(), "Ann").status()).isEqualTo(302);
        Visitor annOnA = sameBrowser(annOnB, instances.portA());
        org.springframework.web.socket.WebSocketHttpHeaders handshake = new org.springframework.web.socket.WebSocketHttpHeaders();
        handshake.add("Cookie", teacher.cookieHeader());
        try (StompFollower dashboard = new StompFollower(instances.portA(), handshake)) {
            StompFollower.Subscription pushes = dashboard.subscribe("/topic/classes/" + classId);
            while (pushes.poll(Duration.ofMillis(1500)) != null) {
                // the push of Ann's joining, if it came after the subscription
            }
            // Ann's page opens on B: A's instructor sees her online there, in one push (not one per instance)
            assertThat(annOnB.post("/api/progress", "{\"page\": \"playground\"}").status()).isEqualTo(204);
            JsonNode ann = student(pushes.next(LONG), "Ann");
            assertThat(ann.get("online").asBoolean()).isTrue();
            assertThat(ann.get("page").asText()).isEqualTo("playground");
            assertThat(pushes.poll(SHORT)).as("a second push of the same change").isNull();
            JsonNode view = teacher.get("/api/classes/" + classId + "/dashboard").json();
            assertThat(view.get("online").asInt()).isEqualTo(1);

            // she moves to a lab, her request served by A, and back to the playground on B, which never saw her leave
            assertThat(annOnA.post("/api/progress", "{\"page\": \"01-gradient-descent\"}").status()).isEqualTo(204);
            assertThat(student(pushes.next(LONG), "Ann").get("page").asText()).isEqualTo("01-gradient-descent");
            assertThat(annOnB.post("/api/progress", "{\"page\": \"playground\"}").status()).isEqualTo(204);
            assertThat(student(pushes.next(LONG), "Ann").get("page").asText()).isEqualTo("playground");
            // a heartbeat from the same page on A, which last saw her in the lab, changes nothing
            assertThat(annOnA.post("/api/progress", "{\"page\": \"playground\"}").status()).isEqualTo(204);
            assertThat(pushes.poll(SHORT)).as("a push for a heartbeat that changed nothing").isNull();
            assertThat(dashboard.error(Duration.ofMillis(100))).isNull();
        }
    }

    private static JsonNode student(JsonNode dashboard, String name) {
        for (JsonNode s : dashboard.get("students")) {
            if (s.get("name").asText().equals(name)) return s;
        }
        throw new AssertionError("no " + name + " on the dashboard: " + dashboard);
    }

    /** A browser with these cookies, talking to another instance (as a load balancer would send it). */
    private static Visitor sameBrowser(Visitor browser, int port) {
        Visitor other = new Visitor(port);
        for (String cookie : browser.cookieHeader().split("; ")) {
            int eq = cookie.indexOf('=');
            if (eq > 0) other.setCookie(cookie.substring(0, eq), cookie.substring(eq + 1));
        }
        return other;
    }

    private void awaitSseSubscriber(String jobId) throws InterruptedException {
        JobWatchers watchers = instances.b().getBean(JobWatchers.class);
        long end = System.nanoTime() + LONG.toNanos();
        while (watchers.subscribers(jobId) < 2) { // the STOMP follower and the SSE stream
            if (System.nanoTime() > end) throw new AssertionError("the SSE stream did not open");
            Thread.sleep(20);
        }
        Thread.sleep(200); // its subscription confirmed: the stream holds its snapshot
    }
}
