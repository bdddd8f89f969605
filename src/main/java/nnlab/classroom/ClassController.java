package nnlab.classroom;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Classes, for instructors (the security configuration lets no one else in). */
@RestController
@RequestMapping("/api/classes")
@Tag(name = "classes", description = "instructors: make classes, share their codes, see their students")
public class ClassController {

    private final ClassService classes;
    private final ClassRepository repository;
    private final StudentRepository students;

    public ClassController(ClassService classes, ClassRepository repository, StudentRepository students) {
        this.classes = classes;
        this.repository = repository;
        this.students = students;
    }

    /** @param name what the instructor calls the class, 1 to 100 characters */
    public record NewClass(String name) {
    }

    @PostMapping
    @Operation(summary = "make a class: 201 with its generated join code; it is open for joining")
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
        return find(id);
    }

    @GetMapping("/{id}/students")
    @Operation(summary = "the students of a class, in the order they joined")
    public List<Student> students(@PathVariable long id) {
        find(id);
        return students.inClass(id);
    }

    Classroom find(long id) {
        return repository.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no class " + id));
    }
}
