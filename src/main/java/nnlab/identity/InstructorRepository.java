package nnlab.identity;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Instructor accounts: a username and a BCrypt hash of the password. */
@Repository
public class InstructorRepository {

    private final JdbcClient jdbc;

    public InstructorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from instructor where username = :u").param("u", username)
                .query(String.class).optional();
    }

    public void insert(String username, String passwordHash) {
        jdbc.sql("insert into instructor (username, password_hash, created_at) values (:u, :h, :now)")
                .param("u", username).param("h", passwordHash).param("now", System.currentTimeMillis()).update();
    }

    /** @return false if there is no such account */
    public boolean updatePasswordHash(String username, String passwordHash) {
        return jdbc.sql("update instructor set password_hash = :h where username = :u")
                .param("u", username).param("h", passwordHash).update() == 1;
    }

    public long count() {
        return jdbc.sql("select count(*) from instructor").query(Long.class).single();
    }
}
