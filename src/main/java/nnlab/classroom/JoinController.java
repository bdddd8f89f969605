package nnlab.classroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nnlab.identity.Person;
import nnlab.identity.Student;
import nnlab.identity.StudentCookies;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /join}: a class code and a display name make a student, remembered by a signed cookie. */
@Controller
public class JoinController {

    private final ClassService classes;
    private final ClassRepository classRepository;
    private final StudentCookies cookies;

    public JoinController(ClassService classes, ClassRepository classRepository, StudentCookies cookies) {
        this.classes = classes;
        this.classRepository = classRepository;
        this.cookies = cookies;
    }

    @GetMapping("/join")
    public String form(@RequestParam(required = false) String code, @AuthenticationPrincipal Person who,
                       Model model) {
        model.addAttribute("code", code == null ? "" : ClassService.normalCode(code));
        model.addAttribute("displayName", "");
        current(who, model);
        return "classroom/join";
    }

    /** Joined: on to the labs, whose page confirms the class once ("You're in DL Monday, group A"). */
    @PostMapping("/join")
    public String join(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String displayName,
                       @AuthenticationPrincipal Person who, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes next) {
        try {
            Student student = classes.join(code, displayName);
            cookies.issue(student, request, response);
            classRepository.find(student.classId()).ifPresent(c -> next.addFlashAttribute("joined",
                    new Joined(c.name(), student.displayName())));
            return "redirect:/labs";
        } catch (JoinRefusedException e) {
            response.setStatus(e.status());
            model.addAttribute("code", ClassService.normalCode(code));
            model.addAttribute("displayName", displayName.length() > 200 ? "" : displayName);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            current(who, model);
            return "classroom/join";
        }
    }

    /** The class just joined and the name the student is known by there (a flash attribute: kept in the session). */
    public record Joined(String className, String displayName) implements java.io.Serializable {
    }

    /** Who this browser is now, if a student: the page says so. */
    private void current(Person who, Model model) {
        if (who != null && who.isStudent()) {
            model.addAttribute("student", who);
            classRepository.find(who.classId()).ifPresent(c -> model.addAttribute("studentClass", c));
        }
    }
}
