package nnlab.jobs;

import nnlab.platform.NnlabProperties;

import nnlab.jobs.InProcessJobQueue;
import nnlab.jobs.JobQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which job queue runs: the in-process one (a broker-backed one would be chosen here by configuration). */
@Configuration
public class JobsConfig {

    @Bean
    JobQueue jobQueue(NnlabProperties properties) {
        NnlabProperties.Jobs jobs = properties.jobs();
        return new InProcessJobQueue(jobs.queueCapacity(), jobs.effectiveWorkers(), new InProcessJobQueue.Sharing(
                jobs.maxRunningPerClient(), jobs.maxQueuedPerClient(), jobs.workConserving()));
    }
}
