package nnlab.classroom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import nnlab.identity.Student;
import nnlab.identity.StudentRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Classes, for instructors (the security configuration lets no one else in). */
@RestController
@RequestMapping("/api/classes")
@Tag(name = "classes", description = "instructors: make classes, share their codes, see their students")
public class ClassController {

    private final ClassService classes;
    private final StudentRepository students;

    public ClassController(ClassService classes, StudentRepository students) {
        this.classes = classes;
        this.students = students;
    }

    /** @param name what the instructor calls the class, 1 to 100 characters */
    public record NewClass(String name) {
    }

    @PostMapping
    @Operation(summary = "make a class: 201 with its generated join code; it is open for joining")
    @ApiResponse(responseCode = "201", description = "the class, with its join code; Location is its address")
    public ResponseEntity<Classroom> create(@RequestBody NewClass request) {
        Classroom c = classes.create(request.name());
        return ResponseEntity.created(URI.create("/api/classes/" + c.id())).body(c);
    }

    @GetMapping
    @Operation(summary = "every class, the newest first")
    public List<Classroom> list() {
        return classes.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "one class")
    public Classroom get(@PathVariable long id) {
        return classes.get(id);
    }

    @GetMapping("/{id}/students")
    @Operation(summary = "the students of a class, in the order they joined")
    public List<Student> students(@PathVariable long id) {
        classes.get(id);
        return students.inClass(id);
    }

    @PostMapping("/{id}/open")
    @Operation(summary = "let students join with the code")
    public Classroom open(@PathVariable long id) {
        return classes.setOpen(id, true);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "refuse new students (those who joined stay)")
    public Classroom close(@PathVariable long id) {
        return classes.setOpen(id, false);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "pause the class's job submissions: its students get 423 until resumed")
    public Classroom pause(@PathVariable long id) {
        return classes.setSubmissionsPaused(id, true);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "let the class's students submit jobs again")
    public Classroom resume(@PathVariable long id) {
        return classes.setSubmissionsPaused(id, false);
    }

    /** @param labs slugs of the labs the class's students see; null = every lab */
    public record VisibleLabs(List<String> labs) {
    }

    @PutMapping("/{id}/labs")
    @Operation(summary = "choose the labs the class's students see ({\"labs\": null} shows every lab)")
    public Classroom labs(@PathVariable long id, @RequestBody VisibleLabs request) {
        return classes.setVisibleLabs(id, request.labs());
    }
}
