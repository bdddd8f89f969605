package nnlab.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An instructor's own password, for scripts and the API (the page is {@code /account}). */
@RestController
@Tag(name = "account", description = "the signed-in instructor's own account")
public class PasswordController {

    private final InstructorPasswords passwords;

    public PasswordController(InstructorPasswords passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/api/account/password")
    @Operation(summary = "change the instructor's password (the instructor's other sessions are ended): 204; 400 naming currentPassword, newPassword or "
            + "repeatPassword; 429 after too many wrong current passwords")
    @ApiResponse(responseCode = "204", description = "changed")
    public ResponseEntity<Void> change(@RequestBody InstructorPasswords.Change change,
                                       @Parameter(hidden = true) @AuthenticationPrincipal Person who,
                                       HttpServletRequest request) {
        passwords.change(who, change, request.getRemoteAddr(), sessionId(request));
        return ResponseEntity.noContent().build();
    }

    /** The caller's session, which stays signed in after the change; null when it has none (an API token). */
    static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
