package nnlab.classroom.challenge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nnlab.identity.Person;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Challenges as their class's students see them (instructors too): what to train on, the leaderboard, and
 * submitting a finished job. Another class's students get 403, callers who have neither joined nor signed in 401.
 */
@RestController
@RequestMapping("/api/challenges")
@Tag(name = "challenges")
public class ChallengeController {

    private final ChallengeService challenges;

    public ChallengeController(ChallengeService challenges) {
        this.challenges = challenges;
    }

    /** The challenge with the caller's standing (a student's own submissions and what is left). */
    public record ChallengeView(Challenge challenge, ChallengeService.Standing standing) {
    }

    /** @param jobId a finished job of the student's, trained on the challenge's data */
    public record NewSubmission(String jobId) {
    }

    @GetMapping
    @Operation(summary = "the challenges of the student's class, the newest first")
    public List<Challenge> mine(@AuthenticationPrincipal Person who) {
        return challenges.forStudent(who);
    }

    @GetMapping("/{id}")
    @Operation(summary = "the challenge: its data spec to train on, limits, deadline; for a student their submissions"
            + " and how many are left")
    public ChallengeView get(@PathVariable long id, @AuthenticationPrincipal Person who) {
        return new ChallengeView(challenges.get(id, who), challenges.standing(id, who));
    }

    @GetMapping("/{id}/leaderboard")
    @Operation(summary = "best score per student, ties by the earlier submission; pushed on"
            + " /topic/classes/{class id}/challenges/{id} when it changes")
    public Leaderboard leaderboard(@PathVariable long id, @AuthenticationPrincipal Person who) {
        return challenges.leaderboard(id, who);
    }

    @PostMapping("/{id}/submissions")
    @Operation(summary = "submit a finished job of yours on the challenge's data; the server scores its model on the"
            + " hidden test set (only the score is stored and shown)")
    public ChallengeService.Standing submit(@PathVariable long id, @RequestBody NewSubmission request,
                                            @AuthenticationPrincipal Person who) {
        return challenges.submit(id, who, request.jobId());
    }
}
