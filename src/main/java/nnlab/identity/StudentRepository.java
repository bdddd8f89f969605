package nnlab.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Students in the database. */
@Repository
public class StudentRepository {

    private final JdbcClient jdbc;

    public StudentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Student insert(long classId, String displayName) {
        long now = System.currentTimeMillis();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into student (class_id, display_name, created_at, last_seen_at)"
                        + " values (:c, :name, :now, :now)")
                .param("c", classId).param("name", displayName).param("now", now).update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    public Optional<Student> find(long id) {
        return jdbc.sql("select * from student where id = :id").param("id", id).query(StudentRepository::row)
                .optional();
    }

    /** The students of a class, in the order they joined. */
    public List<Student> inClass(long classId) {
        return jdbc.sql("select * from student where class_id = :c order by created_at, id").param("c", classId)
                .query(StudentRepository::row).list();
    }

    public void seen(long id, Instant at) {
        jdbc.sql("update student set last_seen_at = :t where id = :id").param("t", at.toEpochMilli()).param("id", id)
                .update();
    }

    private static Student row(ResultSet rs, int n) throws SQLException {
        return new Student(rs.getLong("id"), rs.getLong("class_id"), rs.getString("display_name"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_seen_at")));
    }
}
