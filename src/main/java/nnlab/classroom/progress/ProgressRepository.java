package nnlab.classroom.progress;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Students' lab answers, the labs they visited and the page they are on, in the database. */
@Repository
public class ProgressRepository {

    private final JdbcClient jdbc;

    public ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One answer as stored: the answer text is what the instructor sees (a choice's text, or the number). */
    public record Answer(long studentId, String lab, String question, String answer, boolean correct,
                         Instant answeredAt) {
    }

    /** A lab a student opened. */
    public record Visit(long studentId, String lab, Instant firstAt, Instant lastAt) {
    }

    /** Where a student is: the page of their last heartbeat and when any request of theirs was last seen. */
    public record Whereabouts(long studentId, String page, Instant lastSeenAt) {
    }

    public void insertAnswer(long classId, Answer a) {
        jdbc.sql("insert into lab_answer (student_id, class_id, lab, question, answer, correct, answered_at)"
                        + " values (:s, :c, :lab, :q, :a, :ok, :t)")
                .param("s", a.studentId()).param("c", classId).param("lab", a.lab()).param("q", a.question())
                .param("a", a.answer()).param("ok", a.correct()).param("t", a.answeredAt().toEpochMilli()).update();
    }

    public int answersTo(long studentId, String lab, String question) {
        return jdbc.sql("select count(*) from lab_answer where student_id = :s and lab = :lab and question = :q")
                .param("s", studentId).param("lab", lab).param("q", question).query(Integer.class).single();
    }

    /** A student's answers in one lab, oldest first. */
    public List<Answer> answersIn(long studentId, String lab) {
        return jdbc.sql("select * from lab_answer where student_id = :s and lab = :lab order by answered_at, id")
                .param("s", studentId).param("lab", lab)
                .query((rs, n) -> new Answer(rs.getLong("student_id"), rs.getString("lab"), rs.getString("question"),
                        rs.getString("answer"), rs.getBoolean("correct"),
                        Instant.ofEpochMilli(rs.getLong("answered_at")))).list();
    }

    /** The last job of a lab's train block (its place among the lab's widgets). */
    public record Run(int block, String jobId) {
    }

    /** Keeps this job as the block's last run, in place of the one before. */
    public void lastRun(long studentId, String lab, int block, String jobId, Instant at) {
        int updated = jdbc.sql("update lab_run set job_id = :j, ran_at = :t where student_id = :s and lab = :lab"
                        + " and block = :b")
                .param("j", jobId).param("t", at.toEpochMilli()).param("s", studentId).param("lab", lab)
                .param("b", block).update();
        if (updated > 0) return;
        try {
            jdbc.sql("insert into lab_run (student_id, lab, block, job_id, ran_at) values (:s, :lab, :b, :j, :t)")
                    .param("s", studentId).param("lab", lab).param("b", block).param("j", jobId)
                    .param("t", at.toEpochMilli()).update();
        } catch (DuplicateKeyException e) {
            // another tab of the same student ran the block at the same moment: its job counts as the last
        }
    }

    public List<Run> lastRuns(long studentId, String lab) {
        return jdbc.sql("select block, job_id from lab_run where student_id = :s and lab = :lab order by block")
                .param("s", studentId).param("lab", lab)
                .query((rs, n) -> new Run(rs.getInt("block"), rs.getString("job_id"))).list();
    }

    /** Every answer given in the class, oldest first. */
    public List<Answer> answers(long classId) {
        return jdbc.sql("select * from lab_answer where class_id = :c order by answered_at, id").param("c", classId)
                .query((rs, n) -> new Answer(rs.getLong("student_id"), rs.getString("lab"), rs.getString("question"),
                        rs.getString("answer"), rs.getBoolean("correct"),
                        Instant.ofEpochMilli(rs.getLong("answered_at")))).list();
    }

    /** Notes that the student is on this page now; a lab's slug also counts as a visit of that lab. */
    public void onPage(long studentId, String page, boolean isLab, Instant at) {
        long now = at.toEpochMilli();
        jdbc.sql("update student set current_page = :p, last_seen_at = :t where id = :s")
                .param("p", page).param("t", now).param("s", studentId).update();
        if (!isLab) return;
        int updated = jdbc.sql("update lab_visit set last_at = :t where student_id = :s and lab = :lab")
                .param("t", now).param("s", studentId).param("lab", page).update();
        if (updated > 0) return;
        try {
            jdbc.sql("insert into lab_visit (student_id, lab, first_at, last_at) values (:s, :lab, :t, :t)")
                    .param("s", studentId).param("lab", page).param("t", now).update();
        } catch (DuplicateKeyException e) {
            // a heartbeat of another tab of the same student inserted it first: that visit counts
        }
    }

    public List<Visit> visits(long classId) {
        return jdbc.sql("select v.* from lab_visit v join student s on s.id = v.student_id where s.class_id = :c"
                        + " order by v.first_at")
                .param("c", classId)
                .query((rs, n) -> new Visit(rs.getLong("student_id"), rs.getString("lab"),
                        Instant.ofEpochMilli(rs.getLong("first_at")), Instant.ofEpochMilli(rs.getLong("last_at"))))
                .list();
    }

    public List<Whereabouts> whereabouts(long classId) {
        return jdbc.sql("select id, current_page, last_seen_at from student where class_id = :c").param("c", classId)
                .query(ProgressRepository::whereabouts).list();
    }

    /** Where the student was last seen, by any instance of the server. */
    public java.util.Optional<Whereabouts> whereaboutsOf(long studentId) {
        return jdbc.sql("select id, current_page, last_seen_at from student where id = :s").param("s", studentId)
                .query(ProgressRepository::whereabouts).optional();
    }

    private static Whereabouts whereabouts(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Whereabouts(rs.getLong("id"), rs.getString("current_page"), Instant.ofEpochMilli(rs.getLong("last_seen_at")));
    }
}
