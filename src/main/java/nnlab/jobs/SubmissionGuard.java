package nnlab.jobs;

/**
 * A rule every submission passes before its spec is even read further, for rules the jobs do not know
 * about (a class whose submissions are paused). Throw to refuse; the exception becomes the answer.
 */
public interface SubmissionGuard {

    void check(JobCaller caller);

    /** The same for a preview (no job is made: a paused class may still preview); by default no rule. */
    default void checkPreview(JobCaller caller) {
    }
}
