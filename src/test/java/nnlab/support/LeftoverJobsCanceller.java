package nnlab.support;

import java.util.List;
import nnlab.jobs.JobCaller;
import nnlab.jobs.JobService;
import nnlab.jobs.JobStatus;
import nnlab.jobs.JobView;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Cancels the jobs a test left unfinished once it is over. Spring keeps test applications running
 * between test classes (and several of them at once), so a long job left behind would hold a worker
 * of the next test's server, or the machine's cores, for minutes. Registered for every Spring test
 * in META-INF/spring.factories.
 */
public class LeftoverJobsCanceller extends AbstractTestExecutionListener {

    /** The test run itself, which reaches every job as an instructor does. */
    private static final JobCaller TEST_RUN = new JobCaller() {
        @Override
        public String ownerKey() {
            return "instructor:test-run";
        }

        @Override
        public Long classId() {
            return null;
        }

        @Override
        public boolean seesEveryJob() {
            return true;
        }

        @Override
        public boolean mayReach(String owner) {
            return true;
        }

        @Override
        public boolean authenticated() {
            return true;
        }
    };

    private static final List<JobStatus> UNFINISHED = List.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED);

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) return;
        ApplicationContext context = testContext.getApplicationContext();
        for (JobService jobs : context.getBeansOfType(JobService.class).values()) {
            if (!jobs.isRunning()) continue;
            for (JobStatus status : UNFINISHED) {
                for (JobView job : jobs.list(status)) {
                    System.out.printf("[leftover] %s.%s left job %s %s; cancelled%n",
                            testContext.getTestClass().getSimpleName(), testContext.getTestMethod().getName(),
                            job.id(), job.status());
                    jobs.cancel(jobs.reach(TEST_RUN, job.id()));
                }
            }
        }
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
