package nnlab.classroom.challenge;

import static nnlab.classroom.challenge.ChallengeIT.open;
import static nnlab.classroom.challenge.ChallengeIT.spec;
import static nnlab.classroom.challenge.ChallengeIT.submit;
import static nnlab.classroom.challenge.ChallengeIT.trained;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.LabeledPoint;
import nnlab.data.PreparedDataset;
import nnlab.support.Api;
import nnlab.support.JobEndpoints;
import nnlab.support.LiveServer;
import nnlab.support.StompFollower;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No answer a student can get carries the hidden test set: every endpoint of their job that the OpenAPI document
 * lists, the challenge's own endpoints and pages, the data catalogue, and the live board and job snapshot are
 * scanned for the hidden seed, the hidden points' coordinates and the model's outputs on them (computed here with
 * the seed read from the database). Iris's hidden rows are in no split of a job on the challenge's data.
 */
class ChallengeSecrecyIT extends LiveServer {

    @Autowired
    JdbcClient jdbc;

    long hiddenSeed(long challengeId) {
        return jdbc.sql("select hidden_seed from challenge where id = :id").param("id", challengeId)
                .query(Long.class).single();
    }

    @Test
    void noAnswerToAStudentCarriesTheHiddenPointsTheirLabelsOrPredictionsOnThem() throws Exception {
        ChallengeIT.Room room = room();
        JsonNode c = open(room.teacher(), room.classId(), "{\"name\": \"playground\", \"kind\": \"spiral\","
                + " \"samples\": 120, \"noise\": 0.2}", "\"showNames\": false", Instant.now().plus(Duration.ofHours(1)));
        long id = c.get("id").asLong();
        String job = trained(room.ann(), spec(c, new int[] {8, 8}, 2, 20,
                "\"output\": {\"weights\": true, \"grid\": {\"resolution\": 12, \"neurons\": true}}"));

        long seed = hiddenSeed(id);
        DatasetSpec data = Api.JSON.treeToValue(c.get("dataset"), DatasetSpec.class);
        PreparedDataset hidden = Datasets.prepare(data.withSeed(seed), seed);
        List<LabeledPoint> points = new ArrayList<>(hidden.plane().train());
        points.addAll(hidden.plane().test());
        assertThat(points).hasSize(c.get("hiddenExamples").asInt());
        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(Long.toString(seed));
        StringBuilder rows = new StringBuilder();
        for (LabeledPoint p : points) {
            secrets.add(Double.toString(p.x1()));
            secrets.add(Double.toString(p.x2()));
            rows.append(rows.isEmpty() ? "" : ", ").append("[").append(p.x1()).append(", ").append(p.x2()).append("]");
        }
        // the model's outputs on the hidden points, as the instructor's own predict call gives them
        Api.Response predicted = room.teacher().post("/api/jobs/" + job + "/predict", "{\"points\": [" + rows + "]}");
        assertThat(predicted.status()).isEqualTo(200);
        for (JsonNode row : predicted.json().get("outputs")) {
            for (JsonNode v : row) secrets.add(v.asText());
        }
        secrets.removeIf(s -> s.replace("-", "").length() < 8); // short numbers such as 0.5 occur anywhere
        assertThat(secrets).hasSizeGreaterThan(200);
        // the scan finds what it looks for
        assertThat(leaks(predicted.text(), secrets)).isNotEmpty();

        Map<String, String> answers = new LinkedHashMap<>();
        Api.Response submitted = submit(room.ann(), id, job);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        answers.put("POST submission", submitted.text());
        JobEndpoints doors = new JobEndpoints(port);
        for (JobEndpoints.Endpoint e : doors.listed()) answers.put(e.name(), doors.call(e, job, room.ann()).text());
        for (String split : List.of("train", "test")) {
            answers.put("evaluation " + split, room.ann().get("/api/jobs/" + job + "/evaluation?samples=500&split=" + split).text());
        }
        for (Visitor student : List.of(room.ann(), room.ben())) {
            for (String path : List.of("/api/challenges", "/api/challenges/" + id, "/api/challenges/" + id + "/leaderboard",
                    "/challenges/" + id, "/challenges/" + id + "/board", "/", "/api/jobs", "/api/datasets",
                    "/api/catalogue", "/api/spec/defaults")) {
                Api.Response r = student.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                answers.put(path, r.text());
            }
        }
        try (StompFollower live = new StompFollower(port, ChallengeIT.as(room.ann()))) {
            StompFollower.Subscription board = live.subscribe("/topic/classes/" + room.classId() + "/challenges/" + id);
            StompFollower.Followed followed = live.follow(job);
            answers.put("STOMP snapshot", followed.snapshot().toString());
            Api.sleep(300);
            String second = trained(room.ann(), spec(c, new int[] {4}, 2, 5, null));
            assertThat(submit(room.ann(), id, second).status()).isEqualTo(200);
            answers.put("STOMP board", board.next(ChallengeIT.LONG).toString());
        }
        assertThat(answers).hasSizeGreaterThan(25);
        answers.forEach((what, text) -> assertThat(leaks(text, secrets)).as(what).isEmpty());
        System.out.printf("[challenge secrecy] %d answers scanned for %d hidden values: none found%n", answers.size(),
                secrets.size());
    }

    @Test
    void irisRowsOfTheHiddenSetAreInNoSplitOfAJobOnTheChallengesData() {
        ChallengeIT.Room room = room();
        JsonNode c = open(room.teacher(), room.classId(), "{\"name\": \"iris\", \"trainRatio\": 0.8}",
                "\"maxParameters\": 1000", Instant.now().plus(Duration.ofHours(1)));
        long id = c.get("id").asLong();
        assertThat(c.get("hiddenExamples").asInt()).isEqualTo(HiddenSet.IRIS_ROWS);
        String onChallenge = trained(room.ann(), spec(c, new int[] {10}, 3, 60, null));
        String elsewhere = trained(room.ann(), spec(c, new int[] {10}, 3, 1, null)
                .replace("\"seed\":" + c.get("dataset").get("seed"), "\"seed\":5"));
        assertThat(examples(room.ann(), onChallenge)).isEqualTo(150 - HiddenSet.IRIS_ROWS);
        assertThat(examples(room.ann(), elsewhere)).isEqualTo(150);
        Api.Response scored = submit(room.ann(), id, onChallenge);
        assertThat(scored.status()).as(scored.text()).isEqualTo(200);
        double accuracy = scored.json().get("submissions").get(0).get("score").asDouble();
        assertThat(accuracy * HiddenSet.IRIS_ROWS).isCloseTo(Math.rint(accuracy * HiddenSet.IRIS_ROWS), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(accuracy).isGreaterThan(0.6);
        System.out.printf("[challenge iris] hidden accuracy %.3f on %d rows%n", accuracy, HiddenSet.IRIS_ROWS);
    }

    private static int examples(Visitor who, String job) {
        int n = 0;
        for (String split : List.of("train", "test")) {
            n += who.get("/api/jobs/" + job + "/evaluation?samples=0&split=" + split).json().get("examples").asInt();
        }
        return n;
    }

    private ChallengeIT.Room room() {
        return ChallengeIT.room(port, "secrecy " + System.nanoTime());
    }

    private static List<String> leaks(String text, Set<String> secrets) {
        return secrets.stream().filter(text::contains).limit(5).toList();
    }
}
