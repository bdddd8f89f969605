package nnlab.jobs;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Controls for a job that another instance trains, as rows in {@code job_control}: the instance holding the job
 * reads them ({@link ControlPoller}) and deletes each one it applies, so each is applied once.
 */
@Component
class ControlMail {

    enum Command {
        PAUSE, RESUME, STEP, GRANT, LEARNING_RATE, CANCEL
    }

    record Control(long seq, String jobId, Command command, Double amount) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ControlMail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void post(String jobId, Command command, Double amount) {
        jdbc.sql("insert into job_control (job_id, command, amount, created_at) values (:id, :c, :a, :now)")
                .param("id", jobId).param("c", command.name()).param("a", amount, java.sql.Types.DOUBLE)
                .param("now", clock.millis()).update();
    }

    /** Records the last pause (true) or resume (false): whether a step is allowed, wherever it is asked for. */
    void paused(String jobId, boolean paused) {
        jdbc.sql("update job set paused = :p where id = :id").param("p", paused).param("id", jobId).update();
    }

    /** The last pause or resume sent; null when none was (the spec's startPaused holds). */
    Boolean paused(String jobId) {
        return jdbc.sql("select paused from job where id = :id").param("id", jobId)
                .query((rs, n) -> {
                    boolean p = rs.getBoolean(1);
                    return rs.wasNull() ? null : p;
                }).optional().orElse(null);
    }

    /** Controls waiting for jobs this instance holds, oldest first. */
    List<Control> forInstance(String instance) {
        return jdbc.sql("select c.seq, c.job_id, c.command, c.amount from job_control c join job j on j.id = c.job_id"
                        + " where j.owner_instance = :me order by c.seq").param("me", instance)
                .query((rs, n) -> control(rs)).list();
    }

    List<Control> forJob(String jobId) {
        return jdbc.sql("select seq, job_id, command, amount from job_control where job_id = :id order by seq")
                .param("id", jobId).query((rs, n) -> control(rs)).list();
    }

    private static Control control(java.sql.ResultSet rs) throws java.sql.SQLException {
        double a = rs.getDouble(4);
        return new Control(rs.getLong(1), rs.getString(2), Command.valueOf(rs.getString(3)), rs.wasNull() ? null : a);
    }

    /** Takes a control out; true for the one caller who got it (and applies it). */
    boolean take(long seq) {
        return jdbc.sql("delete from job_control where seq = :s").param("s", seq).update() == 1;
    }
}
