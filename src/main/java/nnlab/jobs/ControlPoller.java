package nnlab.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies the controls sent from other instances to the jobs this one trains, every
 * {@code nnlab.jobs.shared.control-poll}, as if they had been asked for here.
 */
@Component
class ControlPoller {

    private static final Logger log = LoggerFactory.getLogger(ControlPoller.class);

    private final ControlMail mail;
    private final JobControls controls;
    private final ActiveJobs live;
    private ScheduledExecutorService poller;

    ControlPoller(ControlMail mail, JobControls controls, ActiveJobs live) {
        this.mail = mail;
        this.controls = controls;
        this.live = live;
    }

    synchronized void start(String instance, long everyMillis) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nnlab-job-controls");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> poll(instance), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (poller != null) poller.shutdownNow();
        poller = null;
    }

    private void poll(String instance) {
        try {
            for (ControlMail.Control c : mail.forInstance(instance)) {
                // a job claimed but not yet taken in: its adopter applies these before it trains
                if (live.contains(c.jobId())) apply(c);
            }
        } catch (RuntimeException e) {
            log.warn("reading the controls sent to this instance's jobs failed: {}", e.getMessage());
        }
    }

    /** Applies what was sent to a job before this instance took it in (in order), before it trains. */
    void applyPending(String jobId) {
        for (ControlMail.Control c : mail.forJob(jobId)) apply(c);
    }

    private void apply(ControlMail.Control c) {
        if (!mail.take(c.seq())) return;
        try {
            String id = c.jobId();
            switch (c.command()) {
                case PAUSE -> controls.pause(id);
                case RESUME -> controls.resume(id);
                case STEP -> controls.step(id);
                case GRANT -> controls.grant(id, c.amount().intValue());
                case LEARNING_RATE -> controls.learningRate(id, c.amount());
                case CANCEL -> controls.cancel(id);
            }
        } catch (RuntimeException e) {
            // as the same control would have been answered here: a 409 for a job that moved on meanwhile
            log.debug("job {}: {} sent from another instance was not applied: {}", c.jobId(), c.command(),
                    e.getMessage());
        }
    }
}
