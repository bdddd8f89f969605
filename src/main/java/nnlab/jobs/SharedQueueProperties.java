package nnlab.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job queue shared by several instances in PostgreSQL ({@code nnlab.jobs.shared.*}).
 *
 * @param mode         auto: shared when the database is PostgreSQL, in-process otherwise; shared; in-process
 * @param lease        how long a claim holds without a heartbeat; past it another instance takes the job back
 * @param heartbeat    how often an instance renews its leases and looks for expired ones (well under the lease)
 * @param poll         how often an idle worker asks the database for a job (a job submitted on the same
 *                     instance wakes it at once)
 * @param controlPoll  how often an instance reads the controls (pause, grants …) sent to its jobs from elsewhere
 * @param maxAttempts  claims a job may have; a job whose instance stopped this many times is marked INTERRUPTED
 */
@ConfigurationProperties("nnlab.jobs.shared")
public record SharedQueueProperties(@DefaultValue("auto") Mode mode,
                                    @DefaultValue("30s") Duration lease,
                                    @DefaultValue("5s") Duration heartbeat,
                                    @DefaultValue("250ms") Duration poll,
                                    @DefaultValue("100ms") Duration controlPoll,
                                    @DefaultValue("3") int maxAttempts) {

    public enum Mode {
        AUTO, SHARED, IN_PROCESS
    }

    public SharedQueueProperties {
        if (maxAttempts < 1) throw new IllegalArgumentException("nnlab.jobs.shared.max-attempts must be 1 or more");
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("nnlab.jobs.shared.heartbeat (" + heartbeat
                    + ") must be shorter than nnlab.jobs.shared.lease (" + lease + ")");
        }
    }

    /** Whether the queue is shared, given the database's JDBC URL. */
    public boolean shared(String databaseUrl) {
        return switch (mode) {
            case SHARED -> true;
            case IN_PROCESS -> false;
            case AUTO -> databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:");
        };
    }
}
