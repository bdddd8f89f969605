package nnlab.classroom;

import java.util.List;
import nnlab.identity.StudentRepository;
import nnlab.labs.LabCatalog;
import nnlab.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The instructor's pages: the classes with a form to make one, and a page per class to share its code,
 * open or close it, pause its submissions, choose its labs and see who joined. Plain forms, each
 * answered with a redirect back to the page.
 */
@Controller
public class InstructorPages {

    private final ClassService classes;
    private final StudentRepository students;
    private final LabCatalog labs;

    public InstructorPages(ClassService classes, StudentRepository students, LabCatalog labs) {
        this.classes = classes;
        this.students = students;
        this.labs = labs;
    }

    @GetMapping("/instructor")
    public String index(Model model) {
        model.addAttribute("classes", classes.all());
        return "instructor/index";
    }

    @PostMapping("/instructor/classes")
    public String create(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            return "redirect:/instructor/classes/" + classes.create(name).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "The class name " + e.reason() + ".");
            return "redirect:/instructor";
        }
    }

    @GetMapping("/instructor/classes/{id}")
    public String classPage(@PathVariable long id, Model model) {
        Classroom c = classes.get(id);
        model.addAttribute("classroom", c);
        model.addAttribute("joinLink", ServletUriComponentsBuilder.fromCurrentContextPath().path("/join")
                .queryParam("code", c.code()).toUriString());
        model.addAttribute("students", students.inClass(id));
        model.addAttribute("labs", labs.current().labs());
        return "instructor/class";
    }

    @PostMapping("/instructor/classes/{id}/{action:open|close|pause|resume}")
    public String control(@PathVariable long id, @PathVariable String action) {
        switch (action) {
            case "open" -> classes.setOpen(id, true);
            case "close" -> classes.setOpen(id, false);
            case "pause" -> classes.setSubmissionsPaused(id, true);
            default -> classes.setSubmissionsPaused(id, false);
        }
        return "redirect:/instructor/classes/" + id;
    }

    /** @param all "true" shows every lab (also those added later); otherwise the ticked {@code lab}s */
    @PostMapping("/instructor/classes/{id}/labs")
    public String labs(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all,
                       @RequestParam(name = "lab", required = false) List<String> ticked) {
        classes.setVisibleLabs(id, all ? null : ticked == null ? List.of() : ticked);
        return "redirect:/instructor/classes/" + id;
    }
}
