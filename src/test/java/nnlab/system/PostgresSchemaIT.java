package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nnlab.support.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;

/** The Flyway migrations on a real, empty PostgreSQL database, and the schema they make beside H2's. */
class PostgresSchemaIT {

    private static final String MIGRATIONS = "classpath:db/migration";

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersionAndValidates() {
        Flyway flyway = flyway(EmbeddedPostgresServer.newDatabase("schema"));

        int applied = flyway.migrate().migrationsExecuted;

        MigrationInfoService info = flyway.info();
        MigrationInfo latest = Arrays.stream(info.all())
                .max(Comparator.comparing(MigrationInfo::getVersion)).orElseThrow();
        assertThat(applied).isEqualTo(info.all().length).isGreaterThanOrEqualTo(3);
        assertThat(info.current().getVersion()).isEqualTo(latest.getVersion());
        assertThat(info.pending()).isEmpty();
        ValidateResult validation = flyway.validateWithResult();
        assertThat(validation.validationSuccessful).as("%s", validation.invalidMigrations).isTrue();
        // a second start finds nothing to do
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void makesTheSameTablesColumnsAndKeysAsOnH2() throws SQLException {
        String postgres = EmbeddedPostgresServer.newDatabase("same_as_h2");
        String h2 = "jdbc:h2:mem:schema-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        flyway(postgres).migrate();
        Flyway.configure().dataSource(h2, "sa", "").locations(MIGRATIONS).load().migrate();

        Map<String, String> onPostgres = columns(postgres, EmbeddedPostgresServer.USER, "", "public");
        Map<String, String> onH2 = columns(h2, "sa", "", "PUBLIC");
        assertThat(onPostgres).containsKeys("job.id", "job_epoch.train_loss", "classroom.join_code",
                "lab_answer.correct", "student.current_page");
        assertThat(onPostgres).isEqualTo(onH2);
    }

    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, "").locations(MIGRATIONS).load();
    }

    /** table.column → nullability and whether it is in the primary key, Flyway's own table left out. */
    private static Map<String, String> columns(String url, String user, String password, String schema)
            throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    if (table.equalsIgnoreCase("flyway_schema_history")) continue;
                    Set<String> key = new HashSet<>();
                    try (ResultSet pk = meta.getPrimaryKeys(null, schema, table)) {
                        while (pk.next()) key.add(pk.getString("COLUMN_NAME").toLowerCase());
                    }
                    try (ResultSet cols = meta.getColumns(null, schema, table, "%")) {
                        while (cols.next()) {
                            String column = cols.getString("COLUMN_NAME").toLowerCase();
                            columns.put(table.toLowerCase() + "." + column,
                                    "nullable=" + cols.getString("IS_NULLABLE") + (key.contains(column) ? " key" : ""));
                        }
                    }
                }
            }
        }
        return columns;
    }
}
