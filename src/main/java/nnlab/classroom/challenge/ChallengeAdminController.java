package nnlab.classroom.challenge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A class's challenges, managed by instructors (the security configuration lets no one else under /api/classes). */
@RestController
@RequestMapping("/api/classes/{classId}/challenges")
@Tag(name = "challenges", description = "a data set with a hidden test set, limits, a deadline and a live leaderboard")
public class ChallengeAdminController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ChallengeService challenges;

    public ChallengeAdminController(ChallengeService challenges) {
        this.challenges = challenges;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "open a challenge for the class: the data spec students get carries a fresh public seed;"
            + " the hidden test set's seed never leaves the server")
    @ApiResponse(responseCode = "201", description = "the challenge; Location is its address for the students")
    public ResponseEntity<Challenge> open(@PathVariable long classId, @RequestBody NewChallenge request) {
        Challenge c = challenges.open(classId, request);
        return ResponseEntity.created(URI.create("/api/challenges/" + c.id())).body(c);
    }

    @GetMapping
    @Operation(summary = "the class's challenges, the newest first")
    public List<Challenge> list(@PathVariable long classId) {
        return challenges.inClass(classId);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "close the challenge: no more submissions; the leaderboard stays")
    public Challenge close(@PathVariable long classId, @PathVariable long id) {
        return challenges.close(classId, id);
    }

    @GetMapping("/{id}/leaderboard.csv")
    @Operation(summary = "the leaderboard as CSV: rank, student id, display name, pseudonym, best score, its job and"
            + " time, submissions")
    public ResponseEntity<String> csv(@PathVariable long classId, @PathVariable long id) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"challenge-" + id + "-leaderboard.csv\"")
                .body(challenges.csv(classId, id));
    }
}
