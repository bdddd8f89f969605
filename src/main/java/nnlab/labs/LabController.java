package nnlab.labs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nnlab.identity.Person;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The lab index at /labs and one lab at /labs/{slug} (Thymeleaf templates under templates/labs/). */
@Controller
public class LabController {

    private final LabCatalog catalog;
    private final LabVisibility visibility;

    public LabController(LabCatalog catalog, LabVisibility visibility) {
        this.catalog = catalog;
        this.visibility = visibility;
    }

    /**
     * A student sees the labs their class shows; instructors and visitors see all. Files that could not be
     * read are named to instructors only, who can mend them: students see just the labs that work.
     */
    @GetMapping("/labs")
    public String index(@AuthenticationPrincipal Person who, Model model) {
        LabCatalog.Snapshot s = catalog.current();
        model.addAttribute("labs", visibility.visible(s.labs(), who));
        model.addAttribute("problems", who != null && who.isInstructor() ? s.problems() : List.of());
        return "labs/index";
    }

    @GetMapping("/labs/{slug:[A-Za-z0-9_-]+}")
    public String lab(@PathVariable String slug, @AuthenticationPrincipal Person who, Model model) {
        var labs = visibility.visible(catalog.current().labs(), who);
        Lab lab = catalog.find(slug).filter(labs::contains)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no lab '" + slug + "'"));
        int at = labs.indexOf(lab);
        model.addAttribute("lab", lab);
        model.addAttribute("previous", at > 0 ? labs.get(at - 1) : null);
        model.addAttribute("next", at >= 0 && at < labs.size() - 1 ? labs.get(at + 1) : null);
        return "labs/lab";
    }

    /** The small bundled tables, for widgets that compute in the browser (the loss curve of lab 1). */
    private static final Map<String, String> DATA = Map.of("boston", "datasets/boston.csv", "iris", "datasets/iris.csv");

    @GetMapping("/labs/data/{name}.csv")
    public ResponseEntity<String> data(@PathVariable String name) throws IOException {
        String path = DATA.get(name);
        if (path == null) throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no data set '" + name + "' (boston, iris)");
        String csv = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }
}
