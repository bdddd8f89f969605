package nnlab.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The instructors' sign-in page; Spring Security handles the form's POST to /login. */
@Controller
public class LoginController {

    @GetMapping("/login")
    public String login() {
        return "classroom/login";
    }
}
