package nnlab.platform;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where rate limits keep their token buckets. On PostgreSQL (several instances share it) every bucket is a row
 * of {@code rate_bucket}, taken under {@code SELECT … FOR UPDATE} (Bucket4j's PostgreSQL backend), so a limit
 * reached on one instance holds on all; a row is deleted once its bucket would be full again. On the embedded
 * H2 database (one instance) the limits keep their buckets in memory, as before: no database write per request.
 */
@Component
public class RateBuckets {

    private static final Logger log = LoggerFactory.getLogger(RateBuckets.class);
    private static final int MAX_KEY = 300;

    private final ProxyManager<String> shared;

    public RateBuckets(DataSource dataSource) {
        this.shared = postgres(dataSource) ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).table("rate_bucket").idColumn("id").stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build() : null;
        if (shared != null) log.info("rate limits and sign-in throttles are kept in the database, for every instance");
    }

    /** True when buckets live in the database, shared by every instance on it. */
    public boolean shared() {
        return shared != null;
    }

    /**
     * The shared bucket of this limit and key.
     * @throws IllegalStateException when buckets are not shared (ask {@link #shared()} first)
     */
    public Bucket bucket(String limit, String key, Supplier<BucketConfiguration> configuration) {
        if (shared == null) throw new IllegalStateException("rate buckets are kept in memory here");
        return shared.builder().build(id(limit + "|" + key), configuration);
    }

    private static String id(String key) {
        if (key.length() <= MAX_KEY) return key;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, 100) + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean postgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }
}
