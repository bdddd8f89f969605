package nnlab.platform;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compacts the embedded H2 database when the server stops ({@code SHUTDOWN COMPACT}): H2 otherwise keeps the space
 * of deleted rows (thinned and expired job history) in its file. Runs as the application context closes, after the
 * jobs have stopped writing; other databases are left alone.
 */
@Component
class H2Compaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private final DataSource dataSource;
    private final boolean embeddedFile;

    H2Compaction(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.embeddedFile = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:");
    }

    @Override
    public void destroy() {
        if (!embeddedFile) return;
        long start = System.nanoTime();
        try {
            new JdbcTemplate(dataSource).execute("SHUTDOWN COMPACT");
            log.info("embedded database compacted in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("the embedded database could not be compacted at shutdown: {}", e.getMessage());
        }
    }
}
