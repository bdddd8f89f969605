package nnlab.jobs.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nnlab.data.PreparedDataset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finished classic models in the database (tables of V11__classic_models.sql), deleted with their job: Tribuo's
 * models in Tribuo's protobuf form, adaboost's as its rounds' α, ε and weak learners in plain numbers.
 */
@Repository
public class ClassicModelStore {

    /** A stored model with the steps it was trained for. */
    public record Stored(ClassicModel model, int steps) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ClassicModelStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores a job's model after {@code steps} steps, in place of any stored before. Returns the bytes stored. */
    @Transactional
    public long save(String jobId, ClassicKind kind, int steps, ClassicModel model) {
        delete(jobId);
        List<byte[]> parts = new ArrayList<>();
        List<Adaboost.Round> rounds = List.of();
        if (model instanceof TribuoClassifier t) {
            parts.add(TribuoProtos.write(t.model()));
        } else if (model instanceof Forest f) {
            f.trees().forEach(t -> parts.add(TribuoProtos.write(t.model())));
        } else if (model instanceof Adaboost.Combined c) {
            rounds = c.rounds();
        } else {
            throw new IllegalArgumentException("cannot store a " + model.getClass().getSimpleName());
        }
        List<String> numbers = rounds.stream().map(r -> text(WeakLearners.numbers(r.h()))).toList();
        long size = parts.stream().mapToLong(p -> p.length).sum() + numbers.stream().mapToLong(String::length).sum();
        jdbc.sql("insert into classic_model (job_id, kind, steps, stored_size) values (:id, :kind, :steps, :size)")
                .param("id", jobId).param("kind", kind.id()).param("steps", steps).param("size", size).update();
        template.batchUpdate("insert into classic_model_part (job_id, part, model) values (?, ?, ?)",
                indices(parts.size()), 50, (ps, i) -> {
                    ps.setString(1, jobId);
                    ps.setInt(2, i);
                    ps.setBytes(3, parts.get(i));
                });
        List<Adaboost.Round> stored = rounds;
        template.batchUpdate("insert into classic_round (job_id, epoch, alpha, error, learner, numbers)"
                + " values (?, ?, ?, ?, ?, ?)", indices(stored.size()), 500, (ps, i) -> {
                    Adaboost.Round r = stored.get(i);
                    ps.setString(1, jobId);
                    ps.setInt(2, i + 1);
                    ps.setDouble(3, r.alpha());
                    ps.setDouble(4, r.error());
                    ps.setString(5, WeakLearners.name(r.h()));
                    ps.setString(6, numbers.get(i));
                });
        return size;
    }

    /**
     * The job's stored model, if any, for the job's data set (asked for only when there is a model: its input width
     * and classes).
     */
    public Optional<Stored> load(String jobId, Supplier<PreparedDataset> data) {
        record Row(String kind, int steps) {
        }
        Optional<Row> row = jdbc.sql("select kind, steps from classic_model where job_id = :id").param("id", jobId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2))).optional();
        if (row.isEmpty()) return Optional.empty();
        PreparedDataset d = data.get();
        int inputs = d.inputs(), classes = d.outputs();
        ClassicKind kind = ClassicKind.fromId(row.get().kind());
        ClassicModel model;
        if (kind == ClassicKind.ADABOOST) {
            List<Adaboost.Round> rounds = jdbc.sql("select alpha, error, learner, numbers from classic_round"
                            + " where job_id = :id order by epoch").param("id", jobId)
                    .query((rs, n) -> new Adaboost.Round(WeakLearners.of(rs.getString(3), numbers(rs.getString(4)),
                            inputs), rs.getDouble(2), rs.getDouble(1))).list();
            model = new Adaboost.Combined(rounds);
        } else {
            TribuoData names = new TribuoData(inputs);
            List<TribuoClassifier> parts = jdbc.sql("select model from classic_model_part where job_id = :id"
                            + " order by part").param("id", jobId)
                    .query((rs, n) -> new TribuoClassifier(TribuoProtos.read(rs.getBytes(1)), names, classes)).list();
            if (parts.isEmpty()) throw new IllegalStateException("job " + jobId + "'s stored model has no parts");
            model = kind == ClassicKind.FOREST ? new Forest(parts, classes) : parts.get(0);
        }
        return Optional.of(new Stored(model, row.get().steps()));
    }

    /** The bytes stored for the job's model (Tribuo's parts, or adaboost's numbers), if it has one. */
    public Optional<Long> storedSize(String jobId) {
        return jdbc.sql("select stored_size from classic_model where job_id = :id").param("id", jobId)
                .query(Long.class).optional();
    }

    private void delete(String jobId) {
        jdbc.sql("delete from classic_round where job_id = :id").param("id", jobId).update();
        jdbc.sql("delete from classic_model where job_id = :id").param("id", jobId).update(); // parts cascade
    }

    private static List<Integer> indices(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    /** Exactly as written: Double.toString and parseDouble round-trip every double. */
    private static String text(double[] numbers) {
        return Arrays.stream(numbers).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
