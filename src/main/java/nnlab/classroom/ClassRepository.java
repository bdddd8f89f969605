package nnlab.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nnlab.identity.ClassNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Classes in the database. */
@Repository
public class ClassRepository implements ClassNames {

    private final JdbcClient jdbc;

    public ClassRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Classroom insert(String name, String code) {
        long now = System.currentTimeMillis();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into classroom (name, join_code, open, submissions_paused, created_at)"
                        + " values (:name, :code, true, false, :now)")
                .param("name", name).param("code", code).param("now", now).update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    public Optional<Classroom> find(long id) {
        return jdbc.sql("select * from classroom where id = :id").param("id", id).query(ClassRepository::row).optional();
    }

    @Override
    public Optional<String> nameOf(long classId) {
        return find(classId).map(Classroom::name);
    }

    public Optional<Classroom> findByCode(String code) {
        return jdbc.sql("select * from classroom where join_code = :code").param("code", code)
                .query(ClassRepository::row).optional();
    }

    /** Every class, the newest first. */
    public List<Classroom> all() {
        return jdbc.sql("select * from classroom order by created_at desc, id desc").query(ClassRepository::row).list();
    }

    public void setOpen(long id, boolean open) {
        jdbc.sql("update classroom set open = :v where id = :id").param("v", open).param("id", id).update();
    }

    public void setSubmissionsPaused(long id, boolean paused) {
        jdbc.sql("update classroom set submissions_paused = :v where id = :id").param("v", paused).param("id", id)
                .update();
    }

    /** @param slugs null = every lab */
    public void setVisibleLabs(long id, List<String> slugs) {
        jdbc.sql("update classroom set visible_labs = :v where id = :id")
                .param("v", slugs == null ? null : String.join(",", slugs), Types.VARCHAR).param("id", id).update();
    }

    private static Classroom row(ResultSet rs, int n) throws SQLException {
        String labs = rs.getString("visible_labs");
        return new Classroom(rs.getLong("id"), rs.getString("name"), rs.getString("join_code"), rs.getBoolean("open"),
                rs.getBoolean("submissions_paused"),
                labs == null ? null : labs.isEmpty() ? List.of() : Arrays.asList(labs.split(",")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
