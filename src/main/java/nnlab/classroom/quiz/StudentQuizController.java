package nnlab.classroom.quiz;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nnlab.identity.Person;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live quiz as a student's pages see it and answer it. */
@RestController
@RequestMapping("/api/quiz")
@Tag(name = "quiz")
public class StudentQuizController {

    private final QuizService quizzes;

    public StudentQuizController(QuizService quizzes) {
        this.quizzes = quizzes;
    }

    /**
     * @param choices the chosen choices' indices (a choice question)
     * @param number  the number as typed, "3.65" or "3,65" (a number question)
     */
    public record Answer(List<Integer> choices, String number) {
    }

    /**
     * @param classId the student's class: its quiz's changes come on /topic/quiz/{classId}
     * @param quiz    null when there is none to show
     */
    public record Current(long classId, StudentQuiz quiz) {
    }

    @GetMapping
    @Operation(summary = "for a student: their class and its quiz while it is open or closed, and for 15 minutes"
            + " after it was revealed, with their own answer, without its key until revealed (quiz null when there is"
            + " none); 204 for anyone who is not a student. Changes come on /topic/quiz/{classId}")
    public ResponseEntity<Current> current(@AuthenticationPrincipal Person who) {
        if (who == null || !who.isStudent() || who.classId() == null) return ResponseEntity.noContent().build();
        return ResponseEntity.ok(new Current(who.classId(), quizzes.forStudent(who).orElse(null)));
    }

    @PostMapping("/{quizId}/answer")
    @Operation(summary = "answer the class's open quiz ({\"choices\": [indices]} or {\"number\": \"3,65\"}); a second"
            + " answer replaces the first while the quiz is open (409 once closed); students only")
    public StudentQuiz answer(@AuthenticationPrincipal Person who, @PathVariable long quizId,
                              @RequestBody Answer answer) {
        return quizzes.answer(who, quizId, answer.choices(), answer.number());
    }
}
