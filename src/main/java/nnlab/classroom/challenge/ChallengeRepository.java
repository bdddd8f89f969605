package nnlab.classroom.challenge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nnlab.data.DatasetSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Challenges and their submissions in the database; the only place that reads the hidden seed. */
@Repository
class ChallengeRepository {

    /** A challenge with the seed of its hidden test set, which stays inside this package. */
    record Stored(Challenge challenge, long hiddenSeed) {
    }

    /** One scored submission. */
    record Submission(long id, long challengeId, long studentId, String jobId, double score, long parameters,
                      int epochs, Instant submittedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ChallengeRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long classId, String title, DatasetSpec data, long hiddenSeed, int hiddenExamples, String metric,
                long maxParameters, int maxEpochs, int maxSubmissions, Instant deadline, boolean showNames) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into challenge (class_id, title, dataset, hidden_seed, hidden_examples, metric, max_parameters,"
                        + " max_epochs, max_submissions, deadline, show_names, closed, created_at) values (:classId, :title,"
                        + " :dataset, :hiddenSeed, :hidden, :metric, :maxParameters, :maxEpochs, :maxSubmissions, :deadline,"
                        + " :showNames, false, :now)")
                .param("classId", classId).param("title", title).param("dataset", write(data))
                .param("hiddenSeed", hiddenSeed).param("hidden", hiddenExamples).param("metric", metric)
                .param("maxParameters", maxParameters).param("maxEpochs", maxEpochs)
                .param("maxSubmissions", maxSubmissions).param("deadline", deadline.toEpochMilli())
                .param("showNames", showNames).param("now", System.currentTimeMillis())
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("select * from challenge where id = :id").param("id", id).query(this::row).optional();
    }

    /** A class's challenges, the newest first. */
    List<Stored> inClass(long classId) {
        return jdbc.sql("select * from challenge where class_id = :classId order by created_at desc, id desc")
                .param("classId", classId).query(this::row).list();
    }

    List<Stored> all() {
        return jdbc.sql("select * from challenge").query(this::row).list();
    }

    /**
     * The challenges whose data has this seed. The seed's digits are somewhere in the stored data spec, however it
     * was written; that narrows the search and the parsed spec decides.
     */
    List<Stored> onSeed(long seed) {
        return jdbc.sql("select * from challenge where dataset like :digits").param("digits", "%" + seed + "%")
                .query(this::row).list().stream() // list(): a query's own stream holds its connection until closed
                .filter(s -> s.challenge().dataset().seed() != null && s.challenge().dataset().seed() == seed)
                .toList();
    }

    void close(long id) {
        jdbc.sql("update challenge set closed = true where id = :id").param("id", id).update();
    }

    void addSubmission(long challengeId, long studentId, String jobId, double score, long parameters, int epochs,
                       Instant at) {
        jdbc.sql("insert into challenge_submission (challenge_id, student_id, job_id, score, parameters, epochs,"
                        + " submitted_at) values (:c, :s, :job, :score, :parameters, :epochs, :at)")
                .param("c", challengeId).param("s", studentId).param("job", jobId).param("score", score)
                .param("parameters", parameters).param("epochs", epochs).param("at", at.toEpochMilli()).update();
    }

    /** Every submission to the challenge, the earliest first. */
    List<Submission> submissions(long challengeId) {
        return jdbc.sql("select * from challenge_submission where challenge_id = :c order by submitted_at, id")
                .param("c", challengeId).query(ChallengeRepository::submission).list();
    }

    List<Submission> submissions(long challengeId, long studentId) {
        return jdbc.sql("select * from challenge_submission where challenge_id = :c and student_id = :s"
                        + " order by submitted_at, id")
                .param("c", challengeId).param("s", studentId).query(ChallengeRepository::submission).list();
    }

    boolean submitted(long challengeId, String jobId) {
        return jdbc.sql("select count(*) from challenge_submission where challenge_id = :c and job_id = :job")
                .param("c", challengeId).param("job", jobId).query(Long.class).single() > 0;
    }

    private Stored row(ResultSet rs, int n) throws SQLException {
        Challenge c = new Challenge(rs.getLong("id"), rs.getLong("class_id"), rs.getString("title"),
                read(rs.getString("dataset")), rs.getInt("hidden_examples"), rs.getString("metric"),
                rs.getLong("max_parameters"), rs.getInt("max_epochs"), rs.getInt("max_submissions"),
                Instant.ofEpochMilli(rs.getLong("deadline")), rs.getBoolean("show_names"), rs.getBoolean("closed"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
        return new Stored(c, rs.getLong("hidden_seed"));
    }

    private static Submission submission(ResultSet rs, int n) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getLong("challenge_id"), rs.getLong("student_id"),
                rs.getString("job_id"), rs.getDouble("score"), rs.getLong("parameters"), rs.getInt("epochs"),
                Instant.ofEpochMilli(rs.getLong("submitted_at")));
    }

    private String write(DatasetSpec data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DatasetSpec read(String text) {
        try {
            return json.readValue(text, DatasetSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
