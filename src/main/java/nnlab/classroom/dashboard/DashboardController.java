package nnlab.classroom.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import nnlab.classroom.Classroom;
import nnlab.classroom.progress.ProgressRepository;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A class's dashboard and its export as CSV; for instructors only. */
@RestController
@RequestMapping("/api/classes/{id}")
@Tag(name = "classes")
public class DashboardController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ClassDashboard dashboard;
    private final ProgressRepository progress;

    public DashboardController(ClassDashboard dashboard, ProgressRepository progress) {
        this.dashboard = dashboard;
        this.progress = progress;
    }

    @GetMapping("/dashboard")
    @Operation(summary = "who is online and where, their jobs with the latest metrics, the answers to every"
            + " question, the queue; the same document is pushed on /topic/classes/{id} when it changes")
    public DashboardView view(@PathVariable long id) {
        return dashboard.view(id);
    }


    @GetMapping("/export/students.csv")
    @Operation(summary = "per student: id, name (with a tag of the id when names repeat), labs visited, questions"
            + " right of those answered, answers, jobs run")
    public ResponseEntity<String> students(@PathVariable long id) {
        DashboardView view = dashboard.view(id);
        Csv csv = new Csv().row("student_id", "student", "labs_visited", "labs", "questions_right",
                "questions_answered", "answers", "jobs_run", "last_seen", "page");
        for (DashboardView.StudentRow s : view.students()) {
            csv.row(s.id(), s.label(), s.labsVisited().size(), String.join(" ", s.labsVisited()), s.questionsRight(),
                    s.questionsTried(), s.answers(), s.jobsRun(), s.lastSeen(), s.page());
        }
        return attachment(view.classroom(), "students", csv);
    }

    @GetMapping("/export/answers.csv")
    @Operation(summary = "every answer of the class's students, oldest first: student id, student, lab, question,"
            + " answer, correct, time")
    public ResponseEntity<String> answers(@PathVariable long id) {
        DashboardView view = dashboard.view(id);
        Map<Long, String> names = new HashMap<>();
        view.students().forEach(s -> names.put(s.id(), s.label()));
        Csv csv = new Csv().row("student_id", "student", "lab", "question", "answer", "correct", "answered_at");
        for (ProgressRepository.Answer a : progress.answers(id)) {
            csv.row(a.studentId(), names.get(a.studentId()), a.lab(), a.question(), a.answer(), a.correct(), a.answeredAt());
        }
        return attachment(view.classroom(), "answers", csv);
    }

    private static ResponseEntity<String> attachment(Classroom c, String what, Csv csv) {
        String file = "class-" + c.id() + "-" + what + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(csv.toString());
    }
}
