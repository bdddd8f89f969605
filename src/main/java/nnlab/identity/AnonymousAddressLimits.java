package nnlab.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import nnlab.jobs.JobCaller;
import nnlab.jobs.LimitsProperties;
import nnlab.jobs.SubmissionGuard;
import nnlab.jobs.TooManySubmissionsException;
import nnlab.platform.PerCallerRateLimit;
import nnlab.platform.RateBuckets;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Rates per remote address for anonymous callers, on top of their per-client ones. An anonymous caller is
 * whoever its {@code X-Nnlab-Client} header says, so a script could get a fresh per-client bucket with every
 * request by changing the header; all anonymous callers from one address share these buckets instead.
 * Students and instructors are counted by who they are, never by address: a class behind one NAT is not
 * held up by these limits as long as its students have joined. The defaults are ten times the per-client
 * ones, so about ten anonymous scripts behind one address can each go at full speed.
 */
@Component
public class AnonymousAddressLimits implements SubmissionGuard {

    private final PerCallerRateLimit submissions;
    private final PerCallerRateLimit heartbeats;
    private final PerCallerRateLimit answers;
    private final PerCallerRateLimit previews;

    public AnonymousAddressLimits(LimitsProperties limits, RateBuckets buckets) {
        this.submissions = new PerCallerRateLimit("nnlab.limits.anonymous-submissions-per-minute-per-address",
                limits.anonymousSubmissionsPerMinutePerAddress(), "address", buckets);
        this.heartbeats = new PerCallerRateLimit("nnlab.limits.anonymous-heartbeats-per-minute-per-address",
                limits.anonymousHeartbeatsPerMinutePerAddress(), "address", buckets);
        this.answers = new PerCallerRateLimit("nnlab.limits.anonymous-answers-per-minute-per-address",
                limits.anonymousAnswersPerMinutePerAddress(), "address", buckets);
        this.previews = new PerCallerRateLimit("nnlab.limits.anonymous-previews-per-minute-per-address",
                limits.anonymousPreviewsPerMinutePerAddress(), "address", buckets);
    }

    /** A job submission by an anonymous caller takes a token of its address (429 when none is left). */
    @Override
    public void check(JobCaller caller) {
        if (caller == null || caller.authenticated()) return;
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) return;
        Duration wait = submissions.take(request.getRequest().getRemoteAddr());
        if (!wait.isZero()) {
            throw new TooManySubmissionsException("too many submissions from your address: the limit is "
                    + submissions.perMinute() + " jobs per minute per address for callers who have not joined a class"
                    + " or signed in (" + submissions.property() + ")", submissions.property(), submissions.perMinute(),
                    wait);
        }
    }

    /** A preview by an anonymous caller takes a token of its address (429 when none is left). */
    @Override
    public void checkPreview(JobCaller caller) {
        if (caller == null || caller.authenticated()) return;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            previews.acquire(request.getRequest().getRemoteAddr(), "previews");
        }
    }

    /** A page heartbeat by an anonymous caller takes a token of its address. */
    public void heartbeat(Person who, HttpServletRequest request) {
        if (anonymous(who)) heartbeats.acquire(request.getRemoteAddr(), "heartbeats");
    }

    /** A lab answer by an anonymous caller takes a token of its address. */
    public void answer(Person who, HttpServletRequest request) {
        if (anonymous(who)) answers.acquire(request.getRemoteAddr(), "answers");
    }

    private static boolean anonymous(Person who) {
        return who == null || !who.authenticated();
    }
}
