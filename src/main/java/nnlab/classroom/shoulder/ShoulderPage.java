package nnlab.classroom.shoulder;

import nnlab.classroom.ClassService;
import nnlab.classroom.Classroom;
import nnlab.identity.Student;
import nnlab.identity.StudentRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /instructor/classes/{id}/students/{student}/shoulder}: over a student's shoulder, read-only and live, in
 * a view large enough to project. The page follows the student's newest job through the class dashboard's pushes
 * and the job's own stream; it only subscribes, so it cannot pause, step or change the student's job (the security
 * configuration admits instructors only).
 */
@Controller
public class ShoulderPage {

    private final ClassService classes;
    private final StudentRepository students;

    public ShoulderPage(ClassService classes, StudentRepository students) {
        this.classes = classes;
        this.students = students;
    }

    @GetMapping("/instructor/classes/{id}/students/{student}/shoulder")
    public String page(@PathVariable long id, @PathVariable long student, Model model) {
        Classroom classroom = classes.get(id);
        Student who = students.find(student).filter(s -> s.classId() == id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "class " + id
                        + " has no student " + student));
        model.addAttribute("classroom", classroom);
        model.addAttribute("student", who);
        return "classroom/shoulder";
    }
}
