package nnlab;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.classroom.ClassService;
import nnlab.classroom.challenge.ChallengeService;
import nnlab.classroom.progress.ProgressRepository;
import nnlab.identity.Person;
import nnlab.labs.Lab;
import nnlab.labs.LabCatalog;
import nnlab.labs.LabVisibility;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door at {@code /}: what nnlab is, the labs the visitor may open (a student sees, per lab, whether
 * they opened it and how many of its questions they answered right), the playground, joining a class and
 * signing in, and an instructor's classes. Also the shared header and footer for the one static page.
 */
@Controller
public class HomePage {

    /** One lab as the home page lists it; {@code visited} and {@code right} only for a student. */
    public record LabEntry(Lab lab, boolean visited, int right, int questions) {
    }

    private final LabCatalog catalog;
    private final LabVisibility visibility;
    private final ProgressRepository progress;
    private final ClassService classes;
    private final ChallengeService challenges;

    public HomePage(LabCatalog catalog, LabVisibility visibility, ProgressRepository progress, ClassService classes,
                    ChallengeService challenges) {
        this.catalog = catalog;
        this.visibility = visibility;
        this.progress = progress;
        this.classes = classes;
        this.challenges = challenges;
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal Person who, Model model) {
        List<Lab> labs = visibility.visible(catalog.current().labs(), who);
        boolean student = who != null && who.isStudent() && who.classId() != null;
        Set<String> visited = new HashSet<>();
        Map<String, Set<String>> rightAnswers = new HashMap<>();
        if (student) {
            long id = Person.studentIdOf(who.ownerKey());
            progress.visits(who.classId()).stream().filter(v -> v.studentId() == id).forEach(v -> visited.add(v.lab()));
            progress.answers(who.classId()).stream().filter(a -> a.studentId() == id && a.correct())
                    .forEach(a -> rightAnswers.computeIfAbsent(a.lab(), k -> new HashSet<>()).add(a.question()));
        }
        model.addAttribute("labs", labs.stream().map(l -> new LabEntry(l, visited.contains(l.slug()),
                rightAnswers.getOrDefault(l.slug(), Set.of()).size(), l.questions().size())).toList());
        model.addAttribute("student", student);
        model.addAttribute("challenges", student ? challenges.forStudent(who) : List.of());
        model.addAttribute("classes", who != null && who.isInstructor() ? classes.all() : List.of());
        return "home";
    }

    /** The compact header, for the static playground page, which fetches it (frontend/site.js). */
    @GetMapping("/site/header")
    public String header(Model model) {
        model.addAttribute("compact", true);
        return "fragments/site :: header";
    }

    /** The footer, for the static playground page. */
    @GetMapping("/site/footer")
    public String footer() {
        return "fragments/site :: footer";
    }
}
