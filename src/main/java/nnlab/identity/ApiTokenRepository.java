package nnlab.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** API tokens by the SHA-256 of the token; the token itself is never stored. */
@Repository
public class ApiTokenRepository {

    /** A live token's owner key, for signing in with it. */
    public record Holder(long id, String owner, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String tokenHash, String owner, String name, Instant createdAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (token_hash, owner, name, created_at) values (:h, :o, :n, :t)")
                .param("h", tokenHash).param("o", owner).param("n", name).param("t", createdAt.toEpochMilli())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The owner of an unrevoked token with this hash. */
    public Optional<Holder> live(String tokenHash) {
        return jdbc.sql("select id, owner, last_used_at from api_token where token_hash = :h and revoked_at is null")
                .param("h", tokenHash)
                .query((rs, n) -> new Holder(rs.getLong("id"), rs.getString("owner"), instant(rs, "last_used_at")))
                .optional();
    }

    /** The owner's tokens, the newest first. */
    public List<ApiToken> ofOwner(String owner) {
        return jdbc.sql("select * from api_token where owner = :o order by created_at desc, id desc")
                .param("o", owner).query(ApiTokenRepository::row).list();
    }

    /** Revokes the owner's token; false if they have no such token. */
    public boolean revoke(String owner, long id) {
        return jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, :t) where id = :id and owner = :o")
                .param("t", System.currentTimeMillis()).param("id", id).param("o", owner).update() == 1;
    }

    public void used(long id, Instant at) {
        jdbc.sql("update api_token set last_used_at = :t where id = :id").param("t", at.toEpochMilli()).param("id", id)
                .update();
    }

    private static ApiToken row(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
