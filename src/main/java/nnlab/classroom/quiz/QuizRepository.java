package nnlab.classroom.quiz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Quizzes and their answers in the database. */
@Repository
public class QuizRepository {

    /** @param answer the chosen indices ("0,2") or the number read */
    public record Answer(long quizId, long studentId, String answer, boolean correct, Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    public QuizRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Quiz insert(long classId, QuizQuestion q, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into quiz (class_id, lab, question, kind, text, choices, correct, number, tolerance,"
                        + " explanation, state, launched_at) values (:classId, :lab, :question, :kind, :text, :choices,"
                        + " :correct, :number, :tolerance, :explanation, 'open', :now)")
                .param("classId", classId).param("lab", q.lab()).param("question", q.question())
                .param("kind", q.kind()).param("text", q.text())
                .param("choices", q.isChoice() ? String.join("\n", q.choices()) : null, java.sql.Types.VARCHAR)
                .param("correct", q.isChoice() ? String.join(",", q.correct().stream().map(String::valueOf).toList())
                        : null, java.sql.Types.VARCHAR)
                .param("number", q.number(), java.sql.Types.DOUBLE).param("tolerance", q.tolerance(), java.sql.Types.DOUBLE)
                .param("explanation", q.explanation(), java.sql.Types.VARCHAR).param("now", now.toEpochMilli())
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    public Optional<Quiz> find(long id) {
        return jdbc.sql("select * from quiz where id = :id").param("id", id).query(QuizRepository::quiz).optional();
    }

    /** The class's newest quiz. */
    public Optional<Quiz> latest(long classId) {
        return jdbc.sql("select * from quiz where class_id = :c order by id desc limit 1").param("c", classId)
                .query(QuizRepository::quiz).optional();
    }

    /** The class's quizzes, oldest first. */
    public List<Quiz> ofClass(long classId) {
        return jdbc.sql("select * from quiz where class_id = :c order by id").param("c", classId)
                .query(QuizRepository::quiz).list();
    }

    /** Closes the class's open quizzes; the number closed. */
    public int closeOpen(long classId, Instant now) {
        return jdbc.sql("update quiz set state = 'closed', closed_at = :now where class_id = :c and state = 'open'")
                .param("now", now.toEpochMilli()).param("c", classId).update();
    }

    /** Moves a quiz on to a later state (never back); false if it was there already or past it. */
    public boolean advance(long id, Quiz.State to, Instant now) {
        String sql = to == Quiz.State.CLOSED
                ? "update quiz set state = 'closed', closed_at = :now where id = :id and state = 'open'"
                : "update quiz set state = 'revealed', revealed_at = :now, closed_at = coalesce(closed_at, :now)"
                        + " where id = :id and state <> 'revealed'";
        return jdbc.sql(sql).param("now", now.toEpochMilli()).param("id", id).update() == 1;
    }

    /**
     * A student's answer, replacing their earlier one, only while the quiz is open (checked in the same statement,
     * so an answer racing the close is not taken). The key (quiz, student) keeps one answer per student.
     *
     * @return false when the quiz is no longer open
     */
    public boolean answer(long quizId, long studentId, QuizQuestion.Checked checked, Instant now) {
        int changed = jdbc.sql("update quiz_answer set answer = :a, correct = :ok, answered_at = :now"
                        + " where quiz_id = :q and student_id = :s and exists (select 1 from quiz where id = :q and state = 'open')")
                .param("a", checked.answer()).param("ok", checked.correct()).param("now", now.toEpochMilli())
                .param("q", quizId).param("s", studentId).update();
        if (changed == 1) return true;
        try {
            return jdbc.sql("insert into quiz_answer (quiz_id, student_id, answer, correct, answered_at)"
                            + " select :q, :s, :a, :ok, :now from quiz where id = :q and state = 'open'")
                    .param("a", checked.answer()).param("ok", checked.correct()).param("now", now.toEpochMilli())
                    .param("q", quizId).param("s", studentId).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return answer(quizId, studentId, checked, now); // the same student's other answer came first
        }
    }

    public List<Answer> answers(long quizId) {
        return jdbc.sql("select * from quiz_answer where quiz_id = :q order by answered_at, student_id")
                .param("q", quizId).query(QuizRepository::answer).list();
    }

    public Optional<Answer> answerOf(long quizId, long studentId) {
        return jdbc.sql("select * from quiz_answer where quiz_id = :q and student_id = :s").param("q", quizId)
                .param("s", studentId).query(QuizRepository::answer).optional();
    }

    /** Every answer to the class's quizzes, by quiz, then time. */
    public List<Answer> answersInClass(long classId) {
        return jdbc.sql("select a.* from quiz_answer a join quiz q on q.id = a.quiz_id where q.class_id = :c"
                        + " order by a.quiz_id, a.answered_at, a.student_id")
                .param("c", classId).query(QuizRepository::answer).list();
    }

    private static Answer answer(ResultSet rs, int n) throws SQLException {
        return new Answer(rs.getLong("quiz_id"), rs.getLong("student_id"), rs.getString("answer"),
                rs.getBoolean("correct"), Instant.ofEpochMilli(rs.getLong("answered_at")));
    }

    private static Quiz quiz(ResultSet rs, int n) throws SQLException {
        String choices = rs.getString("choices");
        String correct = rs.getString("correct");
        double number = rs.getDouble("number");
        Double num = rs.wasNull() ? null : number;
        double tolerance = rs.getDouble("tolerance");
        Double tol = rs.wasNull() ? null : tolerance;
        QuizQuestion q = new QuizQuestion(rs.getString("lab"), rs.getString("question"), rs.getString("text"),
                choices == null ? null : List.of(choices.split("\n", -1)),
                correct == null || correct.isEmpty() ? List.of()
                        : Arrays.stream(correct.split(",")).map(Integer::valueOf).toList(),
                num, tol, rs.getString("explanation"));
        return new Quiz(rs.getLong("id"), rs.getLong("class_id"), q,
                Quiz.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                Instant.ofEpochMilli(rs.getLong("launched_at")), instant(rs, "closed_at"), instant(rs, "revealed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
