package nnlab.classroom.challenge;

import java.time.Duration;
import java.time.Instant;
import nnlab.classroom.ClassService;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.identity.Person;
import nnlab.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages: the instructor's list of a class's challenges with a form to open one (under /instructor, which the
 * security configuration keeps for instructors), a challenge's page for its class (what to do, a train form on
 * its data, one's submissions, the board) and its projector view. The pages load their data from the API.
 */
@Controller
public class ChallengePages {

    private final ChallengeService challenges;
    private final ClassService classes;

    public ChallengePages(ChallengeService challenges, ClassService classes) {
        this.challenges = challenges;
        this.classes = classes;
    }

    @GetMapping("/instructor/classes/{id}/challenges")
    public String list(@PathVariable long id, Model model) {
        model.addAttribute("classroom", classes.get(id));
        model.addAttribute("challenges", challenges.inClass(id));
        return "classroom/challenges";
    }

    /**
     * @param set     playground:KIND, iris, boston or mnist
     * @param minutes how long from now until the deadline
     */
    @PostMapping("/instructor/classes/{id}/challenges")
    public String open(@PathVariable long id, @RequestParam(defaultValue = "") String title,
                       @RequestParam(defaultValue = "playground:circle") String set,
                       @RequestParam(required = false) Double noise,
                       @RequestParam(required = false) Long maxParameters,
                       @RequestParam(required = false) Integer maxEpochs,
                       @RequestParam(required = false) Integer maxSubmissions,
                       @RequestParam(defaultValue = "60") long minutes,
                       @RequestParam(defaultValue = "false") boolean showNames, RedirectAttributes redirect) {
        try {
            DatasetSpec data = set.startsWith(Datasets.PLAYGROUND + ":")
                    ? DatasetSpec.playground(set.substring(Datasets.PLAYGROUND.length() + 1)).withNoise(noise)
                    : DatasetSpec.of(set);
            InvalidInputException.require(minutes >= 1 && minutes <= 60L * 24 * 365, "minutes",
                    "must be between 1 and " + 60L * 24 * 365);
            Challenge c = challenges.open(id, new NewChallenge(title, data, null, maxParameters, maxEpochs,
                    maxSubmissions, Instant.now().plus(Duration.ofMinutes(minutes)), showNames));
            return "redirect:/challenges/" + c.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.reason());
            return "redirect:/instructor/classes/" + id + "/challenges";
        }
    }

    @PostMapping("/instructor/classes/{id}/challenges/{challenge}/close")
    public String close(@PathVariable long id, @PathVariable long challenge) {
        challenges.close(id, challenge);
        return "redirect:/instructor/classes/" + id + "/challenges";
    }

    @GetMapping("/challenges/{id}")
    public String page(@PathVariable long id, @AuthenticationPrincipal Person who, Model model) {
        model.addAttribute("challenge", challenges.get(id, who));
        model.addAttribute("instructor", who.isInstructor());
        model.addAttribute("outputs", ChallengeRules.outputUnits(challenges.get(id, who).dataset()));
        return "classroom/challenge";
    }

    @GetMapping("/challenges/{id}/board")
    public String board(@PathVariable long id, @AuthenticationPrincipal Person who, Model model) {
        model.addAttribute("challenge", challenges.get(id, who));
        return "classroom/board";
    }
}
