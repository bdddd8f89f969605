package nnlab.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nnlab.platform.InvalidInputException;
import nnlab.platform.TooManyRequestsException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account}: who you are here, your API tokens (a new one shown once), an instructor's password, and
 * signing out.
 */
@Controller
public class AccountPage {

    /** How the form's fields are named in its error messages. */
    private static final Map<String, String> FIELD_NAMES = Map.of("currentPassword", "The current password",
            "newPassword", "The new password", "repeatPassword", "The repeated new password");

    private final ApiTokens tokens;
    private final ClassNames classes;
    private final InstructorPasswords passwords;

    public AccountPage(ApiTokens tokens, ClassNames classes, InstructorPasswords passwords) {
        this.tokens = tokens;
        this.classes = classes;
        this.passwords = passwords;
    }

    @GetMapping("/account")
    public String account(@AuthenticationPrincipal Person who, Model model) {
        if (who == null || !who.authenticated()) return "classroom/no-account";
        fill(who, model);
        return "classroom/account";
    }

    @PostMapping("/account/tokens")
    public String create(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal Person who,
                         Model model) {
        try {
            model.addAttribute("newToken", tokens.create(who, name));
        } catch (InvalidInputException e) {
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

    /** Answers 400 (a field named in the page's error) or 429 (with Retry-After) when the change is refused. */
    @PostMapping("/account/password")
    public String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                                 @RequestParam(defaultValue = "") String newPassword,
                                 @RequestParam(defaultValue = "") String repeatPassword,
                                 @AuthenticationPrincipal Person who, HttpServletRequest request,
                                 HttpServletResponse response, Model model) {
        try {
            passwords.change(who, new InstructorPasswords.Change(currentPassword, newPassword, repeatPassword),
                    request.getRemoteAddr(), PasswordController.sessionId(request));
            model.addAttribute("passwordChanged", true);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("passwordError", FIELD_NAMES.getOrDefault(e.field(), e.field()) + " " + e.reason() + ".");
        } catch (TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            model.addAttribute("passwordError", "Too many wrong passwords: wait " + e.retryAfterSeconds()
                    + " seconds, then try again.");
        }
        fill(who, model);
        return "classroom/account";
    }

    private void fill(Person who, Model model) {
        model.addAttribute("who", who);
        if (who.classId() != null) classes.nameOf(who.classId()).ifPresent(name -> model.addAttribute("className", name));
        model.addAttribute("tokens", tokens.of(who));
        model.addAttribute("minPasswordLength", passwords.minLength());
    }
}
