package nnlab.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import nnlab.data.DatasetSpec;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which job queue runs: the in-process one (a broker-backed one would be chosen here by configuration). */
@Configuration
public class JobsConfig {

    @Bean
    JobQueue jobQueue(JobsProperties jobs) {
        return new InProcessJobQueue(jobs.queueCapacity(), jobs.effectiveWorkers(), new InProcessJobQueue.Sharing(
                jobs.maxRunningPerClient(), jobs.maxQueuedPerClient(), jobs.workConserving()), jobs.retryAfter());
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
