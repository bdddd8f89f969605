package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import nnlab.NnlabApplication;
import nnlab.classroom.ClassRepository;
import nnlab.classroom.Classroom;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a real PostgreSQL database (as docker-compose.yml runs it), Flyway making the
 * schema at start-up: every kind of row the server writes is written, read back and changed over the
 * public API.
 */
class PostgresRoundTripIT extends LiveServer {

    private static final String LAB = "01-gradient-descent";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresServer.newDatabase("round_trip");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClassRepository classes;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void theServerRunsOnPostgres() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        // made at the first start: the cookie key and the configured instructor
        assertThat(jdbc.sql("select count(*) from server_setting").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from instructor where username = :u").param("u", INSTRUCTOR)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aJobIsStoredWithItsHistoryAndModel() {
        String id = api.submit(Specs.spiral(5, null), "pg-script");
        JsonNode done = api.awaitFinished(id, WAIT);
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("epochsDone").asInt()).isEqualTo(5);

        JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
        assertThat(history).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode epoch = history.get(i);
            assertThat(epoch.get("epoch").asInt()).isEqualTo(i + 1);
            assertThat(epoch.get("status").asText()).isEqualTo(i < 4 ? "RUNNING" : "SUCCEEDED");
            assertThat(epoch.get("train").get("loss").asDouble()).isPositive();
            assertThat(epoch.get("train").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(jdbc.sql("select started_at <= finished_at from job where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        // the model summary is stored with the job at submit, and read back from there
        assertThat(jdbc.sql("select summary from job where id = :id").param("id", id).query(String.class).single())
                .contains("\"totalParameters\":" + done.get("summary").get("totalParameters").asLong());

        // the caller's list, filtered by status; the model and predictions come from the stored weights
        assertThat(api.get("/api/jobs?status=SUCCEEDED", "pg-script").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/jobs?status=QUEUED", "pg-script").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("/api/jobs/" + id + "/model").status()).isEqualTo(200);
        assertThat(api.post("/api/jobs/" + id + "/predict", "{\"points\": [[0.5, -0.5]]}").status()).isEqualTo(200);
    }

    @Test
    void aDivergingRunIsStoredUpToTheEpochItStopped() {
        String id = api.submit("""
                {"dataset": {"name": "boston", "features": ["RM"], "scaling": "none"},
                 "model": {"layers": [{"units": 1, "activation": "linear"}]},
                 "training": {"optimizer": "sgd", "learningRate": 1, "batchSize": 506, "epochs": 200, "loss": "mse"},
                 "seed": 1}""");
        JsonNode job = api.awaitFinished(id, WAIT);
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("stopReason").asText()).isEqualTo("DIVERGED");
        assertThat(job.get("error").asText()).contains("diverged at epoch");
        JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
        assertThat(history).hasSize(job.get("epochsDone").asInt());
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("stopReason").asText()).isEqualTo("DIVERGED");
        // the loss that was no longer a number is stored as no value, as the live message showed it
        assertThat(last.get("train").isNull()).isTrue();
    }

    @Test
    void aLiveQuizItsAnswersAndItsExport() {
        Visitor teacher = instructor();
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"quiz on postgres\"}").json();
        long classId = made.get("id").asLong();
        Visitor ann = new Visitor(port);
        ann.join(made.get("code").asText(), "Ann");
        long choice = teacher.post("/api/classes/" + classId + "/quiz", "{\"text\": \"Which?\", \"choices\": [\"a\","
                + " \"b\", \"c\"], \"correct\": [0, 2], \"explanation\": \"both\"}").json().get("quiz").get("id").asLong();
        assertThat(ann.post("/api/quiz/" + choice + "/answer", "{\"choices\": [1]}").status()).isEqualTo(200);
        assertThat(ann.post("/api/quiz/" + choice + "/answer", "{\"choices\": [2, 0]}").status()).isEqualTo(200);
        long number = teacher.post("/api/classes/" + classId + "/quiz", "{\"text\": \"How many?\", \"number\": 3.65,"
                + " \"tolerance\": 0.01}").json().get("quiz").get("id").asLong();
        assertThat(ann.post("/api/quiz/" + number + "/answer", "{\"number\": \"3,65\"}").status()).isEqualTo(200);
        JsonNode revealed = teacher.post("/api/classes/" + classId + "/quiz/" + number + "/reveal", "").json();
        assertThat(revealed.get("quiz").get("state").asText()).isEqualTo("REVEALED");
        assertThat(revealed.get("tally").get("values").toString()).isEqualTo("[3.65]");
        JsonNode all = teacher.get("/api/classes/" + classId + "/quizzes").json();
        assertThat(all.get(0).get("quiz").get("state").asText()).isEqualTo("CLOSED");
        assertThat(all.get(0).get("quiz").get("question").get("correct").toString()).isEqualTo("[0,2]");
        assertThat(all.get(0).get("tally").get("counts").toString()).isEqualTo("[1,0,1]");
        assertThat(ann.get("/api/quiz").json().get("quiz").get("yours").get("correct").asBoolean()).isTrue();
        assertThat(teacher.get("/api/classes/" + classId + "/export/quizzes.csv").text())
                .contains("Ann,\"0,2\",true").contains("Ann,3.65,true");
    }

    @Test
    void aDuplicateKeyIsReportedAsOneSoTheServersRetriesWork() {
        // making a class retries on a join code that is taken; two tabs' first heartbeats on a lab race
        Classroom taken = classes.insert("first", "PGDUP2");
        assertThatThrownBy(() -> classes.insert("second", taken.code())).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.sql("insert into server_setting (name, content)"
                + " select name, content from server_setting").update()).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aClassItsStudentsAnswersPagesJobsDashboardAndExports() {
        Visitor teacher = instructor();
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"on postgres\"}").json();
        long classId = made.get("id").asLong();
        String code = made.get("code").asText();
        // the class's switches, written and read back
        assertThat(teacher.post("/api/classes/" + classId + "/close", "").json().get("open").asBoolean()).isFalse();
        assertThat(teacher.post("/api/classes/" + classId + "/open", "").json().get("open").asBoolean()).isTrue();
        assertThat(teacher.post("/api/classes/" + classId + "/pause", "").json().get("submissionsPaused").asBoolean())
                .isTrue();
        assertThat(teacher.post("/api/classes/" + classId + "/resume", "").json().get("submissionsPaused")
                .asBoolean()).isFalse();
        assertThat(teacher.put("/api/classes/" + classId + "/labs", "{\"labs\": [\"" + LAB + "\", \"04-xor\"]}")
                .status()).isEqualTo(200);
        assertThat(teacher.get("/api/classes/" + classId).json().get("visibleLabs"))
                .extracting(JsonNode::asText).containsExactly(LAB, "04-xor");

        Visitor alice = student(code, "Alice");
        assertThat(teacher.get("/api/classes/" + classId + "/students").json().findValuesAsText("displayName"))
                .containsExactly("Alice");

        // heartbeats: the first on a lab makes a visit, the next one updates it
        assertThat(alice.post("/api/progress", "{\"page\": \"" + LAB + "\"}").status()).isEqualTo(204);
        assertThat(alice.post("/api/progress", "{\"page\": \"" + LAB + "\"}").status()).isEqualTo(204);
        assertThat(alice.post("/api/progress", "{\"page\": \"playground\"}").status()).isEqualTo(204);
        assertThat(answer(alice, "q1", "0").json().get("stored").asBoolean()).isTrue();
        assertThat(answer(alice, "q1", "2").json().get("correct").asBoolean()).isTrue();
        assertThat(answer(alice, "q2", "3.66").json().get("correct").asBoolean()).isTrue();

        String job = alice.submit(Specs.spiral(3, null));
        alice.awaitSucceeded(job);
        assertThat(teacher.get("/api/jobs?classId=" + classId).json().findValuesAsText("id")).containsExactly(job);
        // a train block's last run, kept (then replaced) for the page's next load
        String runs = "/api/labs/04-xor/runs/" + firstTrainBlock("04-xor");
        for (int i = 0; i < 2; i++) {
            Api.Response kept = alice.put(runs, "{\"job\": \"" + job + "\"}");
            assertThat(kept.status()).as(kept.text()).isEqualTo(200);
            assertThat(kept.json().get("stored").asBoolean()).isTrue();
        }
        assertThat(alice.get("/api/labs/04-xor/work").json().get("runs").get(0).get("jobId").asText()).isEqualTo(job);
        assertThat(alice.get("/api/labs/" + LAB + "/work").json().get("answers")).hasSize(2);

        JsonNode view = teacher.get("/api/classes/" + classId + "/dashboard").json();
        JsonNode a = view.get("students").get(0);
        assertThat(a.get("name").asText()).isEqualTo("Alice");
        assertThat(a.get("page").asText()).isEqualTo("playground");
        assertThat(a.get("labsVisited")).extracting(JsonNode::asText).containsExactly(LAB);
        assertThat(a.get("questionsRight").asInt()).isEqualTo(2);
        assertThat(a.get("answers").asInt()).isEqualTo(3);
        assertThat(a.get("jobsRun").asLong()).isEqualTo(1);
        assertThat(a.get("jobs").get(0).get("id").asText()).isEqualTo(job);
        assertThat(a.get("jobs").get(0).get("epoch").asInt()).isEqualTo(3);

        List<String> students = teacher.get("/api/classes/" + classId + "/export/students.csv").text().lines().toList();
        assertThat(students).hasSize(2);
        String aliceId = a.get("id").asText();
        assertThat(students.get(1)).startsWith(aliceId + ",Alice,1," + LAB + ",2,2,3,1,");
        List<String> answers = teacher.get("/api/classes/" + classId + "/export/answers.csv").text().lines().toList();
        assertThat(answers).hasSize(1 + 3);
        assertThat(answers.get(1)).startsWith(aliceId + ",Alice," + LAB + ",q1,");
        assertThat(answers.get(1)).contains(",false,");
        assertThat(answers.get(2)).contains(",q1,5e-5,true,");
    }

    @Test
    void anApiTokenWorksUntilRevoked() {
        String code = instructor().post("/api/classes", "{\"name\": \"tokens\"}").json().get("code").asText();
        Visitor bob = student(code, "Bob");

        Api.Response made = bob.post("/api/tokens", "{\"name\": \"notebook\"}");
        assertThat(made.status()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        Visitor script = new Visitor(port).bearer(made.json().get("token").asText());
        String job = script.submit(Specs.spiral(2, null));
        assertThat(bob.get("/api/jobs").json().findValuesAsText("id")).contains(job);
        JsonNode listed = bob.get("/api/tokens").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();

        assertThat(bob.delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(script.get("/api/jobs").status()).isEqualTo(401);
        assertThat(bob.get("/api/tokens").json().get(0).get("revokedAt").isNull()).isFalse();
        // revoking again changes nothing; the first revocation time stays
        String revokedAt = bob.get("/api/tokens").json().get(0).get("revokedAt").asText();
        assertThat(bob.delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(bob.get("/api/tokens").json().get(0).get("revokedAt").asText()).isEqualTo(revokedAt);
    }

    @Test
    void aSecondServerOnTheSameDatabaseKnowsTheFirstOnesStudentsAndJobs() {
        JsonNode made = instructor().post("/api/classes", "{\"name\": \"two servers\"}").json();
        Visitor carol = student(made.get("code").asText(), "Carol");
        String job = carol.submit(Specs.spiral(2, null));
        carol.awaitSucceeded(job);
        // classic models are stored as their jobs end: a fresh server (as after a restart) predicts with them
        String forest = carol.submit(classic("{\"kind\": \"forest\", \"trees\": 5, \"maxDepth\": 6}"));
        String boost = carol.submit(classic("{\"kind\": \"adaboost\", \"rounds\": 6}"));
        carol.awaitSucceeded(forest);
        carol.awaitSucceeded(boost);
        String points = "{\"points\": [[1, 1], [-2, 3], [4, -4], [0.5, -0.5], [-5, -5]]}";
        JsonNode forestHere = carol.post("/api/jobs/" + forest + "/predict", points).json();
        JsonNode boostHere = carol.post("/api/jobs/" + boost + "/predict", points).json();
        JsonNode roundsHere = carol.get("/api/jobs/" + boost + "/metrics").json();
        assertThat(roundsHere.findValues("figures")).hasSize(6);

        // as behind a load balancer: the schema is there already, and the cookie key is the stored one
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NnlabApplication.class).run(
                "--server.port=0", "--spring.jmx.enabled=false", "--nnlab.jobs.workers=1",
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=", "--nnlab.security.instructors[0].username=" + INSTRUCTOR,
                "--nnlab.security.instructors[0].password=" + INSTRUCTOR_PASSWORD)) {
            Visitor carolThere = new Visitor(second.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            carolThere.setCookie("nnlab_student", carol.cookie("nnlab_student"));
            JsonNode there = carolThere.get("/api/jobs/" + job).json();
            assertThat(there.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(carolThere.get("/api/jobs/" + job + "/metrics").json()).hasSize(2);
            assertThat(carolThere.get("/api/jobs").json().findValuesAsText("id")).containsExactlyInAnyOrder(boost, forest, job);
            for (String[] c : new String[][] {{forest, forestHere.toString()}, {boost, boostHere.toString()}}) {
                Api.Response predicted = carolThere.post("/api/jobs/" + c[0] + "/predict", points);
                assertThat(predicted.status()).isEqualTo(200);
                assertThat(predicted.json().toString()).isEqualTo(c[1]);
            }
            JsonNode roundsThere = carolThere.get("/api/jobs/" + boost + "/metrics").json();
            assertThat(roundsThere.findValues("figures")).isEqualTo(roundsHere.findValues("figures"));
        }
    }

    private static String classic(String model) {
        return "{\"dataset\": {\"name\": \"playground\", \"kind\": \"xor\", \"noise\": 0.1}, \"model\": " + model
                + ", \"training\": {}, \"seed\": 2}";
    }

    /** The place of a lab's first train block among its widgets, as the lab file has it. */
    private static int firstTrainBlock(String lab) {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of("notebooks-content", lab + ".md"));
            return new nnlab.labs.LabParser().parse(lab + ".md", text).widgets().indexOf("train");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read lab " + lab, e);
        }
    }

    private Visitor instructor() {
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).status()).isEqualTo(302);
        return teacher;
    }

    private Visitor student(String code, String name) {
        Visitor student = new Visitor(port);
        assertThat(student.join(code, name).status()).isEqualTo(302);
        return student;
    }

    private static Api.Response answer(Visitor who, String question, String answer) {
        return who.post("/api/labs/" + LAB + "/answers",
                "{\"question\": \"" + question + "\", \"answer\": \"" + answer + "\"}");
    }
}
