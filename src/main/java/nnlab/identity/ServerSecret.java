package nnlab.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that signs students' cookies: {@code nnlab.security.secret} when set, otherwise 32 random bytes
 * made at the first start and kept in the database (so cookies survive restarts, and several instances on
 * one database agree).
 */
@Component
public class ServerSecret {

    private static final String SETTING = "cookie-secret";

    private final byte[] key;

    public ServerSecret(IdentityProperties properties, JdbcClient jdbc) {
        String configured = properties.secret();
        this.key = configured != null && !configured.isBlank()
                ? configured.getBytes(StandardCharsets.UTF_8)
                : Base64.getDecoder().decode(stored(jdbc));
    }

    private static String stored(JdbcClient jdbc) {
        var existing = jdbc.sql("select content from server_setting where name = :n").param("n", SETTING)
                .query(String.class).optional();
        if (existing.isPresent()) return existing.get();
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String value = Base64.getEncoder().encodeToString(fresh);
        try {
            jdbc.sql("insert into server_setting (name, content) values (:n, :v)").param("n", SETTING).param("v", value)
                    .update();
            return value;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another instance made it first: use theirs
            return jdbc.sql("select content from server_setting where name = :n").param("n", SETTING)
                    .query(String.class).single();
        }
    }

    byte[] key() {
        return key.clone();
    }
}
