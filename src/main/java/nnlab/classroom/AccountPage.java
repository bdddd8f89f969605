package nnlab.classroom;

import nnlab.engine.InvalidSpecException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /account}: who you are here, your API tokens (a new one shown once), and signing out. */
@Controller
public class AccountPage {

    private final ApiTokens tokens;
    private final ClassRepository classes;

    public AccountPage(ApiTokens tokens, ClassRepository classes) {
        this.tokens = tokens;
        this.classes = classes;
    }

    @GetMapping("/account")
    public String account(@AuthenticationPrincipal Person who, Model model) {
        fill(who, model);
        return "classroom/account";
    }

    @PostMapping("/account/tokens")
    public String create(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal Person who,
                         Model model) {
        try {
            model.addAttribute("newToken", tokens.create(who, name));
        } catch (InvalidSpecException e) {
            model.addAttribute("error", "The token's name " + e.reason() + ".");
        }
        fill(who, model);
        return "classroom/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    public String revoke(@PathVariable long id, @AuthenticationPrincipal Person who) {
        tokens.revoke(who, id);
        return "redirect:/account";
    }

    private void fill(Person who, Model model) {
        model.addAttribute("who", who);
        if (who.classId() != null) classes.find(who.classId()).ifPresent(c -> model.addAttribute("classroom", c));
        model.addAttribute("tokens", tokens.of(who));
    }
}
