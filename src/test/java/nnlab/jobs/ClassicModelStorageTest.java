package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.stream.Stream;
import nnlab.engine.Examples;
import nnlab.jobs.classic.ClassicModel;
import nnlab.jobs.classic.ClassicModelStore;
import nnlab.jobs.classic.ClassicTraining;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each classic kind trained, stored (V11__classic_models.sql on H2), read back and asked again: the same scores on
 * every test row, to the last bit. Prints the stored size of each.
 */
class ClassicModelStorageTest {

    private JobRepository jobs;
    private ClassicModelStore store;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:classic-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        JdbcTemplate template = new JdbcTemplate(ds);
        jobs = new JobRepository(jdbc, template, new ObjectMapper());
        store = new ClassicModelStore(jdbc, template);
    }

    static Stream<Arguments> cases() {
        String xor = ClassicModelsTest.plane("xor");
        String mnist1000 = "{\"name\": \"mnist\", \"trainLimit\": 1000, \"testLimit\": 100}";
        String mnist10000 = "{\"name\": \"mnist\", \"trainLimit\": 10000, \"testLimit\": 100}";
        return Stream.of(
                Arguments.of("xor knn", xor, "{\"kind\": \"knn\", \"k\": 5}"),
                Arguments.of("xor tree", xor, "{\"kind\": \"tree\", \"maxDepth\": 8}"),
                Arguments.of("xor forest of 50", xor, "{\"kind\": \"forest\", \"trees\": 50, \"maxDepth\": 8}"),
                Arguments.of("xor linear svm", xor, "{\"kind\": \"svm\", \"kernel\": \"linear\"}"),
                Arguments.of("xor polynomial svm", xor,
                        "{\"kind\": \"svm\", \"kernel\": \"polynomial\", \"degree\": 2, \"gamma\": 1}"),
                Arguments.of("xor rbf svm", xor, "{\"kind\": \"svm\", \"kernel\": \"rbf\", \"gamma\": 1}"),
                Arguments.of("xor adaboost, 50 perceptrons", xor, "{\"kind\": \"adaboost\", \"rounds\": 50}"),
                Arguments.of("xor adaboost, 50 stumps", xor,
                        "{\"kind\": \"adaboost\", \"rounds\": 50, \"weakLearner\": \"stump\"}"),
                Arguments.of("iris forest of 50", ClassicModelsTest.IRIS, "{\"kind\": \"forest\", \"trees\": 50}"),
                Arguments.of("mnist 1000 knn", mnist1000, "{\"kind\": \"knn\", \"k\": 5}"),
                Arguments.of("mnist 10000 knn", mnist10000, "{\"kind\": \"knn\", \"k\": 5}"),
                Arguments.of("mnist 1000 rbf svm", mnist1000, "{\"kind\": \"svm\", \"kernel\": \"rbf\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictsTheSameAfterBeingStoredAndReadBack(String name, String dataset, String model) {
        JobSpec spec = ClassicModelsTest.spec(dataset, model);
        PreparedJob p = JobFixtures.MAPPER.prepare(spec);
        ClassicTraining t = ClassicTraining.start(p.classic(), p.data(), p.seed());
        int steps = 0;
        while (t.step() != null) steps++;
        ClassicModel trained = t.model();
        String id = "job-" + name.replace(' ', '-');
        jobs.insert(new JobRecord(id, "anonymous:test", spec, JobStatus.QUEUED, steps, p.data().inputs(), 0, null,
                null, Instant.now(), null, null));

        long size = store.save(id, p.classic().kind(), steps, trained);
        ClassicModelStore.Stored read = store.load(id, p::data).orElseThrow();

        double[][] rows = rows(p.data().split().test());
        assertThat(read.steps()).isEqualTo(steps);
        assertThat(read.model().scores(rows)).isDeepEqualTo(trained.scores(rows));
        assertThat(store.storedSize(id)).contains(size);
        System.out.printf("classic storage, %s: %,d training examples, %,d bytes stored%n", name,
                p.data().split().train().count(), size);
    }

    private static double[][] rows(Examples ex) {
        double[][] rows = new double[ex.count()][ex.inputs()];
        for (int r = 0; r < rows.length; r++) for (int c = 0; c < ex.inputs(); c++) rows[r][c] = ex.x(r, c);
        return rows;
    }
}
