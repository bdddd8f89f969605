package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import nnlab.data.DatasetSpec;
import nnlab.jobs.classic.Adaboost;
import nnlab.jobs.classic.ClassicKind;
import nnlab.jobs.classic.ClassicModelStore;
import nnlab.jobs.classic.WeakLearners;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Long playground runs are thinned to a log-spaced sample after 1,000 epochs; anonymous jobs expire. */
class JobRetentionTest {

    private JdbcClient jdbc;
    private JdbcTemplate template;
    private JobRepository repository;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:retention-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
        template = new JdbcTemplate(ds);
        repository = new JobRepository(jdbc, template, new ObjectMapper());
    }

    @Test
    void theSampleKeepsEveryEpochTo1000ThenTwoSignificantDigitsAndTheLast() {
        assertThat(IntStream.rangeClosed(1, 1000).allMatch(e -> EpochSample.kept(e, 15_000))).isTrue();
        assertThat(EpochSample.kept(1001, 15_000)).isFalse();
        assertThat(EpochSample.kept(1100, 15_000)).isTrue();
        assertThat(EpochSample.kept(1150, 15_000)).isFalse();
        assertThat(EpochSample.kept(9900, 15_000)).isTrue();
        assertThat(EpochSample.kept(10_100, 15_000)).isFalse();
        assertThat(EpochSample.kept(11_000, 15_000)).isTrue();
        assertThat(EpochSample.kept(14_999, 14_999)).isTrue();
        assertThat(IntStream.rangeClosed(1, 15_000).filter(e -> EpochSample.kept(e, 15_000)).count()).isEqualTo(1095);
        // log-spaced: as many per decade from 1,000 on
        long second = IntStream.range(1000, 10_000).filter(e -> EpochSample.kept(e, 1_000_000)).count();
        long third = IntStream.range(10_000, 100_000).filter(e -> EpochSample.kept(e, 1_000_000)).count();
        assertThat(second).isEqualTo(third).isEqualTo(90);
    }

    @Test
    void aFinishedPlaygroundRunIsThinnedToTheSampleAndOtherJobsAreNot() {
        stored("plane", "student:1", "playground", 15_432, JobStatus.SUCCEEDED);
        stored("mnist", "student:1", "mnist", 1_500, JobStatus.SUCCEEDED);
        stored("running", "student:1", "playground", 2_000, JobStatus.RUNNING);
        JobRetention retention = new JobRetention(repository, new JobRetentionProperties(Duration.ofDays(7),
                Duration.ofMinutes(5)), Clock.systemUTC());
        retention.sweep();

        List<Integer> kept = epochs("plane");
        List<Integer> expected = IntStream.rangeClosed(1, 15_432).filter(e -> EpochSample.kept(e, 15_432)).boxed().toList();
        assertThat(kept).isEqualTo(expected);
        assertThat(kept).hasSize(1000 + 89 + 6 + 1).endsWith(15_000, 15_432);
        assertThat(repository.lastEpoch("plane", 15_432).orElseThrow().epoch()).isEqualTo(15_432);
        assertThat(epochs("mnist")).hasSize(1_500);
        assertThat(epochs("running")).hasSize(2_000);

        // a second pass finds nothing new to do
        retention.sweep();
        assertThat(epochs("plane")).isEqualTo(expected);
    }

    @Test
    void anonymousJobsExpireAfterTheRetentionAndPeoplesJobsStay() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        stored("old-anonymous", "anonymous:laptop", "xor", 10, JobStatus.SUCCEEDED);
        stored("old-legacy", null, "xor", 10, JobStatus.CANCELLED);
        stored("old-student", "student:4", "xor", 10, JobStatus.SUCCEEDED);
        stored("old-instructor", "instructor:teacher", "xor", 10, JobStatus.FAILED);
        stored("new-anonymous", "anonymous:laptop", "xor", 10, JobStatus.SUCCEEDED);
        stored("paused-anonymous", "anonymous:laptop", "xor", 10, JobStatus.PAUSED);
        finishedAt(now.minus(Duration.ofDays(8)), "old-anonymous", "old-legacy", "old-student", "old-instructor",
                "paused-anonymous");
        finishedAt(now.minus(Duration.ofDays(6)), "new-anonymous");

        new JobRetention(repository, new JobRetentionProperties(Duration.ofDays(7), Duration.ofMinutes(5)),
                Clock.fixed(now, ZoneOffset.UTC)).sweep();

        assertThat(jdbc.sql("select id from job order by id").query(String.class).list())
                .containsExactly("new-anonymous", "old-instructor", "old-student", "paused-anonymous");
        assertThat(epochs("old-anonymous")).isEmpty();
        assertThat(epochs("old-student")).hasSize(10);

        // 0 keeps them forever
        new JobRetention(repository, new JobRetentionProperties(Duration.ZERO, Duration.ofMinutes(5)),
                Clock.fixed(now.plus(Duration.ofDays(30)), ZoneOffset.UTC)).sweep();
        assertThat(jdbc.sql("select count(*) from job").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void anExpiredClassicJobTakesItsStoredModelAndRoundsWithIt() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        ClassicModelStore store = new ClassicModelStore(jdbc, template);
        double[][] x = {{1}, {2}, {3}, {4}, {5}};
        int[] y = {1, 1, -1, -1, 1};
        for (String id : List.of("old-anonymous-boost", "old-student-boost")) {
            stored(id, id.contains("student") ? "student:4" : "anonymous:laptop", "xor", 3, JobStatus.SUCCEEDED);
            Adaboost boost = new Adaboost(x, y, WeakLearners.of("stump"), 1);
            for (int r = 0; r < 3; r++) boost.round();
            store.save(id, ClassicKind.ADABOOST, 3, Adaboost.combined(boost.rounds()));
            // the stored history has each round's alpha and error, as they were streamed
            List<JobMessage.Epoch> history = repository.epochs(id, 3);
            for (int r = 0; r < 3; r++) {
                assertThat(history.get(r).figures()).containsExactly(entry("alpha", boost.rounds().get(r).alpha()),
                        entry("error", boost.rounds().get(r).error()));
            }
        }
        finishedAt(now.minus(Duration.ofDays(8)), "old-anonymous-boost", "old-student-boost");

        new JobRetention(repository, new JobRetentionProperties(Duration.ofDays(7), Duration.ofMinutes(5)),
                Clock.fixed(now, ZoneOffset.UTC)).sweep();

        for (String table : List.of("classic_model", "classic_round")) {
            assertThat(jdbc.sql("select distinct job_id from " + table).query(String.class).list()).as(table)
                    .containsExactly("old-student-boost");
        }
        assertThat(store.storedSize("old-anonymous-boost")).isEmpty();
        assertThat(store.storedSize("old-student-boost")).isPresent();
    }

    private void stored(String id, String owner, String dataset, int epochs, JobStatus status) {
        JobSpec spec = new JobSpec(DatasetSpec.of(dataset), JobFixtures.xor(epochs, false).model(),
                JobFixtures.xor(epochs, false).training(), 1L, null, false);
        repository.insert(new JobRecord(id, owner, spec, JobStatus.QUEUED, epochs, 2, 0, null, null, Instant.now(),
                null, null));
        List<Object[]> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) rows.add(new Object[] {id, e, 1, 0.001, e * 0.001, 0.01, "RUNNING"});
        template.batchUpdate("insert into job_epoch (job_id, epoch, steps, seconds, elapsed_seconds, learning_rate,"
                + " status) values (?, ?, ?, ?, ?, ?, ?)", rows);
        repository.updateStatus(id, status, epochs, null, null);
    }

    private void finishedAt(Instant at, String... ids) {
        for (String id : ids) {
            jdbc.sql("update job set finished_at = :t, created_at = :t where id = :id").param("t", at.toEpochMilli())
                    .param("id", id).update();
        }
    }

    private List<Integer> epochs(String id) {
        return jdbc.sql("select epoch from job_epoch where job_id = :id order by epoch").param("id", id)
                .query(Integer.class).list();
    }
}
