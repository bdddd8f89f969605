package nnlab.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import nnlab.data.DatasetSpec;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which job queue runs: the in-process one (the embedded default), or the one several instances share in PostgreSQL
 * ({@code nnlab.jobs.shared.mode}: by default when the database is PostgreSQL).
 */
@Configuration
public class JobsConfig {

    private static final Logger log = LoggerFactory.getLogger(JobsConfig.class);

    @Bean
    JobQueue jobQueue(JobsProperties jobs, SharedQueueProperties shared, InstanceProperties instance,
                      @Value("${spring.datasource.url:}") String databaseUrl, JdbcClient jdbc, TransactionTemplate tx,
                      JobRepository repository, MetricPublisher publisher, Clock clock) {
        InstanceProperties.Role role = instance.role();
        if (shared.shared(databaseUrl)) {
            String id = instance.id().isBlank() ? generatedId() : instance.id();
            int workers = role.trains() ? jobs.effectiveWorkers() : 0;
            log.info("instance {} ({}): shared job queue in the database, {} workers here", id,
                    role.name().toLowerCase(), workers);
            JobLeases leases = new JobLeases(jdbc, tx, repository, publisher, shared, id, role, workers, clock);
            return new SharedJobQueue(jdbc, tx, leases, jobs, shared, workers, clock);
        }
        if (!role.trains()) {
            throw new IllegalStateException("nnlab.instance.role=web needs the job queue shared in PostgreSQL"
                    + " (nnlab.jobs.shared.mode): with the in-process queue nobody would train this server's jobs");
        }
        log.info("in-process job queue, {} workers", jobs.effectiveWorkers());
        return new InProcessJobQueue(jobs.queueCapacity(), jobs.effectiveWorkers(), new InProcessJobQueue.Sharing(
                jobs.maxRunningPerClient(), jobs.maxQueuedPerClient(), jobs.workConserving()), jobs.retryAfter());
    }

    /** The host's name and a random suffix: a name no other instance has, new at each start. */
    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "nnlab";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Specs are stored and echoed without their unset (null) fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    interface OmitNulls {
    }

    /** The data set part of a spec is the data package's, which knows no JSON: its null fields are left out here. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer datasetSpecWithoutNulls() {
        return builder -> builder.mixIn(DatasetSpec.class, OmitNulls.class)
                .mixIn(DatasetSpec.Augmentation.class, OmitNulls.class);
    }

    /** The engine's weights name their batch normalisation only when the network has one. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer weightsWithoutNulls() {
        return builder -> builder.mixIn(nnlab.engine.Weights.class, OmitNulls.class);
    }
}
