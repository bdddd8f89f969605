package nnlab.classroom.quiz;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnlab.classroom.dashboard.Csv;
import nnlab.identity.StudentRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A class's live quiz, for instructors (the security configuration lets no one else in under /api/classes). */
@RestController
@RequestMapping("/api/classes/{id}")
@Tag(name = "quiz", description = "live quizzes: instructors launch a question to a class, students answer it")
public class QuizController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QuizService quizzes;
    private final QuizRepository answers;
    private final StudentRepository students;

    public QuizController(QuizService quizzes, QuizRepository answers, StudentRepository students) {
        this.quizzes = quizzes;
        this.answers = answers;
        this.students = students;
    }

    @PostMapping("/quiz")
    @Operation(summary = "launch a question to every student of the class: {\"lab\", \"question\"} for a lab file's"
            + " question, or {\"text\", \"choices\", \"correct\": [indices]} (one or several right choices), or"
            + " {\"text\", \"number\", \"tolerance\"}, each with an optional \"explanation\"; an open quiz of the class"
            + " is closed first. Students get it without its key on /topic/quiz/{id}")
    public QuizService.InstructorQuiz launch(@PathVariable long id, @RequestBody QuizService.Launch request) {
        return quizzes.launch(id, request);
    }

    @GetMapping("/quiz")
    @Operation(summary = "the class's newest quiz with its key and the tally of the answers (204 when it never had"
            + " one); the tally is pushed on /topic/quiz/{id}/answers after every answer")
    public ResponseEntity<QuizService.InstructorQuiz> current(@PathVariable long id) {
        return quizzes.current(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/quiz/questions")
    @Operation(summary = "the questions of the lab files the class sees, to launch one as it is")
    public List<QuizService.LabQuestionChoice> labQuestions(@PathVariable long id) {
        return quizzes.labQuestions(id);
    }

    @PostMapping("/quiz/{quizId}/close")
    @Operation(summary = "take no more answers (again: nothing changes; 409 once revealed)")
    public QuizService.InstructorQuiz close(@PathVariable long id, @PathVariable long quizId) {
        return quizzes.close(id, quizId);
    }

    @PostMapping("/quiz/{quizId}/reveal")
    @Operation(summary = "close the quiz and show the class the right answer, the explanation and the tally"
            + " (again: nothing changes)")
    public QuizService.InstructorQuiz reveal(@PathVariable long id, @PathVariable long quizId) {
        return quizzes.reveal(id, quizId);
    }

    @GetMapping("/quizzes")
    @Operation(summary = "every quiz of the class, oldest first, with its key and the tally of its answers")
    public List<QuizService.InstructorQuiz> all(@PathVariable long id) {
        return quizzes.all(id);
    }

    @GetMapping("/export/quizzes.csv")
    @Operation(summary = "every answer to the class's quizzes, by quiz: quiz id, question, right answer, student id,"
            + " student, answer (choice indices from 0, or the number), correct, time")
    public ResponseEntity<String> csv(@PathVariable long id) {
        Map<Long, QuizService.InstructorQuiz> byId = new HashMap<>();
        quizzes.all(id).forEach(q -> byId.put(q.quiz().id(), q));
        Map<Long, String> names = new HashMap<>();
        students.inClass(id).forEach(s -> names.put(s.id(), s.displayName()));
        Csv csv = new Csv().row("quiz_id", "launched_at", "question", "right_answer", "student_id", "student", "answer",
                "correct", "answered_at");
        for (QuizRepository.Answer a : answers.answersInClass(id)) {
            Quiz quiz = byId.get(a.quizId()).quiz();
            csv.row(quiz.id(), quiz.launchedAt(), quiz.question().text(), rightAnswer(quiz.question()), a.studentId(),
                    names.get(a.studentId()), a.answer(), a.correct(), a.answeredAt());
        }
        String file = "class-" + id + "-quizzes.csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(csv.toString());
    }

    private static String rightAnswer(QuizQuestion q) {
        if (q.isChoice()) return String.join(",", q.correct().stream().map(String::valueOf).toList());
        return q.number() + (q.tolerance() > 0 ? " \u00b1 " + q.tolerance() : "");
    }
}
