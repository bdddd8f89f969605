package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One worker shared by two students: turns, the bound on one student's waiting jobs, the job size bound. */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-fair;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=1",
                "nnlab.jobs.queue-capacity=40",
                "nnlab.jobs.max-active-per-client=30",
                "nnlab.jobs.max-queued-per-client=20",
                "nnlab.jobs.max-running-per-client=1",
                "nnlab.jobs.submissions-per-minute=100"})
class FairSharingIT {

    static final Duration LONG = Duration.ofSeconds(120);
    static final String ANN = "student:ann";
    static final String BOB = "student:bob";

    @LocalServerPort
    int port;

    @Test
    void oneStudentsTwentyJobsDelayAnothersSingleJobByOneJobAtMost() {
        Api api = new Api(port);
        // ann's first job holds the only worker; her next 20 wait, and a 21st waiting one is too many
        String hold = api.submit(Specs.mnist(2000, 100, 4, 1000, null), ANN);
        api.awaitJob(hold, j -> j.get("status").asText().equals("RUNNING"), LONG);
        List<String> annWaiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) annWaiting.add(api.submit(Specs.spiral(100, null), ANN));
        assertThat(api.job(annWaiting.get(19)).get("queuePosition").asInt()).isEqualTo(20);
        Api.Response tooMany = api.post("/api/jobs", Specs.spiral(100, null), ANN);
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.header("Retry-After")).isNotBlank();
        assertThat(tooMany.json().get("limit").asText()).isEqualTo("nnlab.jobs.max-queued-per-client");
        assertThat(tooMany.json().get("limitValue").asInt()).isEqualTo(20);

        // bob's single job is next in line, ahead of all of ann's waiting ones
        Api.Response bobs = api.post("/api/jobs", Specs.spiral(100, null), BOB);
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.json().get("queuePosition").asInt()).isEqualTo(1);
        String bob = bobs.json().get("id").asText();
        assertThat(api.job(annWaiting.get(0)).get("queuePosition").asInt()).isEqualTo(2);
        assertThat(api.job(annWaiting.get(19)).get("queuePosition").asInt()).isEqualTo(21);

        api.delete("/api/jobs/" + hold); // the running job's slot ends
        JsonNode bobDone = api.awaitFinished(bob, LONG);
        assertThat(bobDone.get("status").asText()).isEqualTo("SUCCEEDED");
        for (String id : annWaiting) assertThat(api.awaitFinished(id, LONG).get("status").asText()).isEqualTo("SUCCEEDED");

        // the order of starts: after bob submitted, his job was the first to start
        Instant bobSubmitted = Instant.parse(bobDone.get("createdAt").asText());
        Instant bobStarted = Instant.parse(bobDone.get("startedAt").asText());
        int annStartedBetween = 0;
        for (String id : annWaiting) {
            Instant started = Instant.parse(api.job(id).get("startedAt").asText());
            if (started.isAfter(bobSubmitted) && started.isBefore(bobStarted)) annStartedBetween++;
        }
        assertThat(annStartedBetween).as("ann's jobs that started while bob's waited").isZero();
    }

    @Test
    void aJobTooLargeAsAWholeIsRefusedNamingTheLimit() {
        Api api = new Api(port);
        // each part is within its own limit; together 109,386 × 60,000 × 200 = 1.3e12 multiply-adds
        Api.Response r = api.post("/api/jobs", Specs.mnist(60000, 100, 32, 200, null), BOB);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("training.epochs");
        assertThat(r.json().get("detail").asText()).contains("nnlab.limits.max-work", "109,386", "60,000", "200");
    }
}
