package nnlab.jobs;

/**
 * Told of every job's status changes and finished epochs, with the owner key the job is stored under
 * (its {@code client}), for views that follow many jobs at once (an instructor's class dashboard).
 * Called on training and request threads after the message is published: an implementation must
 * return at once and never throw.
 */
public interface JobListener {

    /** @param message a {@link JobMessage.Status} or a {@link JobMessage.Epoch} (never the within-epoch progress) */
    void jobChanged(String owner, JobMessage message);
}
