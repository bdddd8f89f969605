package nnlab.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run, started from the binaries on the test class path
 * (the major version docker-compose.yml runs). Each user gets an empty database of its own on it, so no
 * test sees another's tables and only the first one pays for the start. The server stops when the JVM
 * does.
 *
 * <p>As root, PostgreSQL refuses to start; the library then runs it in a user namespace
 * ({@code unshare -U}, util-linux), where it is the unprivileged user {@code nobody}.
 */
public final class EmbeddedPostgresServer {

    /** The superuser of the embedded server; it signs in without a password (trust authentication). */
    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** Makes a new empty database and returns its JDBC URL. */
    public static String newDatabase(String purpose) {
        String name = purpose.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return pg.getJdbcUrl(USER, name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("the embedded PostgreSQL server did not start" + (asRoot()
                        ? " (as root it runs under `unshare -U`: is util-linux there, and are user namespaces"
                                + " allowed, /proc/sys/user/max_user_namespaces > 0?)" : ""), e);
            }
        }
        return server;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
