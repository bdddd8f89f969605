package nnlab.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nnlab.engine.ModelSummary;
import nnlab.engine.StopReason;
import nnlab.engine.Weights;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Jobs and their epochs in the database, with plain SQL. */
@Repository
public class JobRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;
    /** On a shared queue, this instance: a run's writes (status, epochs, weights) land only while it holds the job. */
    private volatile String fence;
    private volatile TransactionTemplate fenceTx;

    public JobRepository(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Lets a run's writes land only on jobs this instance holds (a shared queue; see {@link JobLeases}). */
    void fence(String instance, TransactionTemplate tx) {
        this.fenceTx = tx;
        this.fence = instance;
    }

    private String fenced() {
        return fence == null ? "" : " and owner_instance = :me";
    }

    /**
     * Runs a write if this instance holds the job, holding its row (shared) until the write is committed: a job
     * being taken back meanwhile waits for it, and is taken back with it.
     */
    void whileHeld(String id, Runnable write) {
        if (fence == null) {
            write.run();
            return;
        }
        fenceTx.executeWithoutResult(status -> {
            if (!jdbc.sql("select id from job where id = :id and owner_instance = :me for share").param("id", id)
                    .param("me", fence).query(String.class).list().isEmpty()) {
                write.run();
            }
        });
    }

    public void insert(JobRecord job) {
        insert(job, null);
    }

    /** @param classId the class of the job's owner, or null */
    public void insert(JobRecord job, Long classId) {
        jdbc.sql("""
                insert into job (id, client, spec, status, epochs, inputs, epochs_done, created_at, class_id, summary)
                values (:id, :client, :spec, :status, :epochs, :inputs, 0, :created, :classId, :summary)""")
                .param("id", job.id()).param("client", job.client()).param("spec", write(job.spec()))
                .param("status", job.status().name()).param("epochs", job.epochs()).param("inputs", job.inputs())
                .param("created", job.createdAt().toEpochMilli()).param("classId", classId, Types.BIGINT)
                .param("summary", job.summary() == null ? null : write(job.summary()), Types.VARCHAR)
                .update();
    }

    /**
     * @param error the job's error; a job that is not finished keeps the one it has when this is null (a job queued
     *              again after its instance stopped still says so while it runs again)
     */
    public void updateStatus(String id, JobStatus status, int epochsDone, StopReason stop, String error) {
        long now = System.currentTimeMillis();
        jdbc.sql("""
                update job set status = :status, epochs_done = :done, stop_reason = :stop,
                  error = case when :finished then :error else coalesce(:error, error) end,
                  started_at = case when started_at is null and :running then :now else started_at end,
                  finished_at = case when :finished then :now else finished_at end
                where id = :id""" + fenced())
                .param("status", status.name()).param("done", epochsDone)
                .param("stop", stop == null ? null : stop.name(), Types.VARCHAR)
                .param("error", error, Types.VARCHAR)
                .param("running", status == JobStatus.RUNNING || status == JobStatus.PAUSED)
                .param("finished", status.finished())
                .param("now", now).param("id", id)
                .params(fence == null ? java.util.Map.of() : java.util.Map.of("me", fence))
                .update();
    }

    public void delete(String id) {
        jdbc.sql("delete from job where id = :id").param("id", id).update();
    }

    public void saveWeights(String id, Weights weights) {
        String json = write(weights);
        whileHeld(id, () -> jdbc.sql("update job set weights = :w where id = :id").param("w", json).param("id", id)
                .update());
    }

    /** Stores the model summary of a job stored before summaries were. */
    public void saveSummary(String id, ModelSummary summary) {
        jdbc.sql("update job set summary = :s where id = :id").param("s", write(summary)).param("id", id).update();
    }

    public Optional<Weights> weights(String id) {
        return jdbc.sql("select weights from job where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional().flatMap(o -> o).map(s -> read(s, Weights.class));
    }

    public Optional<JobRecord> find(String id) {
        return jdbc.sql("select * from job where id = :id").param("id", id).query(this::job).optional();
    }

    /** The newest jobs first. */
    public List<JobRecord> list(int limit, JobStatus status) {
        return list(limit, status, null, null);
    }

    /** The newest jobs first, with any of a status, an owner and a class (null = any). */
    public List<JobRecord> list(int limit, JobStatus status, String client, Long classId) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (status != null) where.append(" and status = :s");
        if (client != null) where.append(" and client = :c");
        if (classId != null) where.append(" and class_id = :k");
        var sql = jdbc.sql("select * from job" + where + " order by created_at desc, id limit :n").param("n", limit);
        if (status != null) sql = sql.param("s", status.name());
        if (client != null) sql = sql.param("c", client);
        if (classId != null) sql = sql.param("k", classId);
        return sql.query(this::job).list();
    }

    /** How many jobs each owner of the class has submitted, by owner key. */
    public Map<String, Long> countByClient(long classId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select client, count(*) from job where class_id = :k group by client").param("k", classId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public List<JobRecord> withStatus(List<JobStatus> statuses) {
        return jdbc.sql("select * from job where status in (:s) order by created_at, id")
                .param("s", statuses.stream().map(Enum::name).toList()).query(this::job).list();
    }

    public void insertEpochs(String jobId, List<JobMessage.Epoch> epochs) {
        if (epochs.isEmpty()) return;
        whileHeld(jobId, () -> template.batchUpdate("""
                insert into job_epoch (job_id, epoch, steps, seconds, elapsed_seconds, weight_norm, learning_rate,
                  train_loss, train_accuracy, train_mae, train_r2, val_loss, val_accuracy, val_mae, val_r2,
                  test_loss, test_accuracy, test_mae, test_r2, status, stop_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", epochs, 500, (ps, e) -> {
            int i = 1;
            ps.setString(i++, jobId);
            ps.setInt(i++, e.epoch());
            ps.setInt(i++, e.steps());
            ps.setDouble(i++, e.seconds());
            ps.setDouble(i++, e.elapsedSeconds());
            ps.setObject(i++, e.weightNorm(), Types.DOUBLE);
            ps.setDouble(i++, e.learningRate());
            for (MetricsView m : new MetricsView[] {e.train(), e.validation(), e.test()}) {
                ps.setObject(i++, m == null ? null : m.loss(), Types.DOUBLE);
                ps.setObject(i++, m == null ? null : m.accuracy(), Types.DOUBLE);
                ps.setObject(i++, m == null ? null : m.mae(), Types.DOUBLE);
                ps.setObject(i++, m == null ? null : m.r2(), Types.DOUBLE);
            }
            ps.setString(i++, e.status().name());
            ps.setString(i, e.stopReason() == null ? null : e.stopReason().name());
        }));
    }

    /** Finished jobs with more than {@code epochs} epochs done that finished at or after {@code since} (millis). */
    public List<JobRecord> finishedWithMoreEpochsThan(int epochs, long since) {
        return jdbc.sql("select * from job where status in (:s) and epochs_done > :n and finished_at >= :since")
                .param("s", finishedStatuses()).param("n", epochs).param("since", since).query(this::job).list();
    }

    /**
     * Deletes a finished job's epochs past {@link EpochSample#DENSE} but those of {@link EpochSample}'s sample and
     * the last one. Returns how many rows were deleted.
     */
    public int thinEpochs(String jobId) {
        Integer last = jdbc.sql("select max(epoch) from job_epoch where job_id = :id").param("id", jobId)
                .query(Integer.class).optional().orElse(null);
        if (last == null || last <= EpochSample.DENSE) return 0;
        int deleted = 0;
        for (long from = EpochSample.DENSE + 1; from < last; from = nextDecade(from)) {
            long to = Math.min(nextDecade(from) - 1, last - 1L);
            deleted += jdbc.sql("delete from job_epoch where job_id = :id and epoch between :from and :to"
                            + " and mod(epoch, :step) <> 0").param("id", jobId).param("from", from).param("to", to)
                    .param("step", EpochSample.step((int) from)).update();
        }
        return deleted;
    }

    private static long nextDecade(long n) {
        long d = 1;
        while (d <= n) d *= 10;
        return d;
    }

    /**
     * Deletes finished jobs (their epochs go with them) that finished before {@code before} (millis) and whose
     * owner is none of the given owner-key prefixes.
     */
    public int deleteFinishedBefore(long before, List<String> keptOwnerPrefixes) {
        StringBuilder sql = new StringBuilder("delete from job where status in (:s)"
                + " and coalesce(finished_at, created_at) < :before");
        for (int i = 0; i < keptOwnerPrefixes.size(); i++) {
            sql.append(" and (client is null or client not like :p").append(i).append(")");
        }
        var statement = jdbc.sql(sql.toString()).param("s", finishedStatuses()).param("before", before);
        for (int i = 0; i < keptOwnerPrefixes.size(); i++) statement = statement.param("p" + i, keptOwnerPrefixes.get(i) + "%");
        return statement.update();
    }

    private static List<String> finishedStatuses() {
        return java.util.Arrays.stream(JobStatus.values()).filter(JobStatus::finished).map(Enum::name).toList();
    }

    /** Stored epochs with an adaboost round's alpha and error (classic_round, stored with the finished model). */
    private static final String EPOCHS = "select e.*, r.alpha as round_alpha, r.error as round_error from job_epoch e"
            + " left join classic_round r on r.job_id = e.job_id and r.epoch = e.epoch";

    public List<JobMessage.Epoch> epochs(String jobId, int epochs) {
        return jdbc.sql(EPOCHS + " where e.job_id = :id order by e.epoch").param("id", jobId)
                .query((rs, n) -> epoch(rs, jobId, epochs)).list();
    }

    public Optional<JobMessage.Epoch> lastEpoch(String jobId, int epochs) {
        return jdbc.sql(EPOCHS + " where e.job_id = :id"
                        + " and e.epoch = (select max(epoch) from job_epoch where job_id = :id)").param("id", jobId)
                .query((rs, n) -> epoch(rs, jobId, epochs)).optional();
    }

    private static JobMessage.Epoch epoch(ResultSet rs, String jobId, int epochs) throws SQLException {
        return new JobMessage.Epoch(jobId, rs.getInt("epoch"), epochs, rs.getInt("steps"),
                        metrics(rs, "train"), metrics(rs, "val"), metrics(rs, "test"), rs.getDouble("seconds"),
                        rs.getDouble("elapsed_seconds"), dbl(rs, "weight_norm"), rs.getDouble("learning_rate"),
                        JobStatus.valueOf(rs.getString("status")), stop(rs.getString("stop_reason")), null, null,
                        null, figures(rs));
    }

    /** An adaboost round's figures, as its live message had them. */
    private static Map<String, Double> figures(ResultSet rs) throws SQLException {
        Double alpha = dbl(rs, "round_alpha");
        if (alpha == null) return null;
        Map<String, Double> f = new java.util.LinkedHashMap<>();
        f.put("alpha", alpha);
        f.put("error", dbl(rs, "round_error"));
        return f;
    }

    private static MetricsView metrics(ResultSet rs, String prefix) throws SQLException {
        Double loss = dbl(rs, prefix + "_loss");
        if (loss == null) return null;
        return new MetricsView(loss, dbl(rs, prefix + "_accuracy"), dbl(rs, prefix + "_mae"), dbl(rs, prefix + "_r2"));
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static StopReason stop(String s) {
        return s == null ? null : StopReason.valueOf(s);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private JobRecord job(ResultSet rs, int row) throws SQLException {
        return new JobRecord(rs.getString("id"), rs.getString("client"), read(rs.getString("spec"), JobSpec.class),
                JobStatus.valueOf(rs.getString("status")), rs.getInt("epochs"), rs.getInt("inputs"), rs.getInt("epochs_done"),
                stop(rs.getString("stop_reason")), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), summary(rs.getString("summary")));
    }

    private ModelSummary summary(String s) {
        return s == null ? null : read(s, ModelSummary.class);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + o.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable JSON", e);
        }
    }
}
