package nnlab.classroom.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nnlab.classroom.ClassroomProperties;
import nnlab.identity.AnonymousAddressLimits;
import nnlab.identity.Person;
import nnlab.platform.PerCallerRateLimit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
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

    public ProgressController(ProgressService progress, ClassroomProperties properties, AnonymousAddressLimits addresses) {
        this.progress = progress;
        this.addresses = addresses;
        this.heartbeats = new PerCallerRateLimit("nnlab.classroom.heartbeats-per-minute",
                properties.heartbeatsPerMinute());
        this.answers = new PerCallerRateLimit("nnlab.classroom.answers-per-minute",
                properties.answersPerMinute());
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
