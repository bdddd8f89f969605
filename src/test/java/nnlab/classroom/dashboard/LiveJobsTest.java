package nnlab.classroom.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import nnlab.jobs.JobMessage;
import nnlab.jobs.JobStatus;
import org.junit.jupiter.api.Test;

/** The dashboard's view of unfinished jobs, as their messages tell it. */
class LiveJobsTest {

    private static JobMessage.Status status(JobStatus s, int done) {
        return new JobMessage.Status("j", s, done, 10, s == JobStatus.QUEUED ? 1 : null, null, null);
    }

    private static JobMessage.Epoch epoch(int n, JobStatus s) {
        return new JobMessage.Epoch("j", n, 10, 5, null, null, null, 0.1, 0.1 * n, null, 0.01, s, null, null, null);
    }

    @Test
    void aLateQueuePositionDoesNotOutliveTheNextEpoch() {
        LiveJobs live = new LiveJobs();
        live.jobChanged("student:1", status(JobStatus.RUNNING, 0));
        // a queue-position broadcast read before the job started, arriving after its RUNNING
        live.jobChanged("student:1", status(JobStatus.QUEUED, 0));
        live.jobChanged("student:1", epoch(1, JobStatus.RUNNING));
        assertThat(live.state("j")).get().extracting(LiveJobs.State::status).isEqualTo(JobStatus.RUNNING);
        assertThat(live.state("j").get().epochsDone()).isEqualTo(1);
    }

    @Test
    void aPauseAfterAnEpochAndTheEndAreKept() {
        LiveJobs live = new LiveJobs();
        live.jobChanged("student:1", epoch(3, JobStatus.PAUSED));
        assertThat(live.state("j").get().status()).isEqualTo(JobStatus.PAUSED);
        live.jobChanged("student:1", status(JobStatus.SUCCEEDED, 10));
        assertThat(live.state("j")).isEmpty();
    }
}
