package nnlab.classroom.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nnlab.classroom.ClassroomProperties;
import nnlab.identity.AnonymousAddressLimits;
import nnlab.identity.Person;
import nnlab.jobs.JobService;
import nnlab.platform.InvalidInputException;
import nnlab.platform.PerCallerRateLimit;
import nnlab.platform.RateBuckets;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the lab pages report: answers to questions, and heartbeats saying which page a student is on. Both
 * are rate-limited per caller (owner key), and anonymous callers also per address, so that no script can
 * flood the database or the dashboards.
 */
@RestController
@Tag(name = "progress", description = "students' lab answers and the page they are on")
public class ProgressController {

    private final ProgressService progress;
    private final PerCallerRateLimit heartbeats;
    private final PerCallerRateLimit answers;
    private final AnonymousAddressLimits addresses;
    private final JobService jobs;

    public ProgressController(ProgressService progress, ClassroomProperties properties, AnonymousAddressLimits addresses,
                              JobService jobs, RateBuckets buckets) {
        this.progress = progress;
        this.jobs = jobs;
        this.addresses = addresses;
        this.heartbeats = new PerCallerRateLimit("nnlab.classroom.heartbeats-per-minute",
                properties.heartbeatsPerMinute(), "caller", buckets);
        this.answers = new PerCallerRateLimit("nnlab.classroom.answers-per-minute",
                properties.answersPerMinute(), "caller", buckets);
    }

    /**
     * @param question the question's id: its block's {@code id}, or q1, q2, … in page order
     * @param answer   a choice's index (from 0), or the number typed
     */
    public record AnswerRequest(String question, String answer) {
    }

    /** @param page a lab's slug, or "playground" */
    public record Heartbeat(String page) {
    }

    @PostMapping("/api/labs/{lab}/answers")
    @Operation(summary = "check an answer to a lab question against the lab file; a student's answer is stored")
    public ProgressService.Verdict answer(@PathVariable String lab, @RequestBody AnswerRequest request,
                                          @AuthenticationPrincipal Person who, HttpServletRequest http) {
        answers.acquire(caller(who), "answers");
        addresses.answer(who, http);
        return progress.answer(who, lab, request.question(), request.answer());
    }

    @GetMapping("/api/labs/{lab}/work")
    @Operation(summary = "a student's work in a lab, for the page to show again after a reload: the last answer to"
            + " each question (with the explanation when right) and the last job of each train block; empty with"
            + " stored false for callers who are not students")
    public ProgressService.LabWork work(@PathVariable String lab, @AuthenticationPrincipal Person who) {
        return progress.work(who, lab);
    }

    /** @param job the id of the job the block ran last */
    public record RunRequest(String job) {
    }

    /** @param stored false for callers who are not students (their page keeps the run in the browser) */
    public record RunRecorded(String lab, int block, String job, boolean stored) {
    }

    @PutMapping("/api/labs/{lab}/runs/{block}")
    @Operation(summary = "a train block (its place among the lab's widgets, from 0) ran this job: a student's page"
            + " follows it again after a reload")
    public RunRecorded run(@PathVariable String lab, @PathVariable int block, @RequestBody RunRequest request,
                           @AuthenticationPrincipal Person who, HttpServletRequest http) {
        answers.acquire(caller(who), "answers");
        addresses.answer(who, http);
        progress.checkTrainBlock(who, lab, block);
        String job = request.job();
        InvalidInputException.require(job != null && !job.isBlank() && job.length() <= 64, "job",
                "must be the id of one of your jobs");
        if (who == null || !who.isStudent()) return new RunRecorded(lab, block, job, false);
        boolean stored = progress.lastRun(who, lab, block, jobs.reach(who, job));
        return new RunRecorded(lab, block, job, stored);
    }

    @PostMapping("/api/progress")
    @Operation(summary = "a page's heartbeat (every 25 s): the student is on this lab or the playground; 204")
    @ApiResponse(responseCode = "204", description = "noted")
    public ResponseEntity<Void> heartbeat(@RequestBody Heartbeat beat, @AuthenticationPrincipal Person who,
                                          HttpServletRequest http) {
        heartbeats.acquire(caller(who), "heartbeats");
        addresses.heartbeat(who, http);
        progress.heartbeat(who, beat.page());
        return ResponseEntity.noContent().build();
    }

    private static String caller(Person who) {
        return who == null ? Person.ANONYMOUS_PREFIX : who.ownerKey();
    }
}
