package nnlab.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nnlab.platform.InvalidInputException;
import nnlab.platform.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * An instructor changes their own password: the current one first (a wrong one counts as a failed sign-in
 * in {@link LoginThrottle}, and while that locks the account out nothing is checked), then the new one
 * twice, stored as a BCrypt hash. The instructor's other sessions on this server are ended (whoever signed
 * in with the old password is signed out); the one that made the change stays signed in.
 */
@Service
public class InstructorPasswords {

    private static final Logger log = LoggerFactory.getLogger(InstructorPasswords.class);
    /** BCrypt reads no further than 72 bytes; a longer password would only seem longer. */
    static final int MAX_BYTES = 72;
    static final String MIN_LENGTH_PROPERTY = "nnlab.security.min-password-length";

    private final InstructorRepository instructors;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SessionRegistry sessions;
    private final int minLength;

    public InstructorPasswords(InstructorRepository instructors, PasswordEncoder passwords, LoginThrottle throttle,
                               SessionRegistry sessions, IdentityProperties properties) {
        this.instructors = instructors;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.minLength = properties.minPasswordLength();
    }

    /** The fewest characters a new password may have ({@code nnlab.security.min-password-length}). */
    public int minLength() {
        return minLength;
    }

    /** What the form and the JSON body carry. */
    public record Change(String currentPassword, String newPassword, String repeatPassword) {
    }

    /**
     * @param address     the caller's address, for the sign-in throttle
     * @param keepSession the id of the session that asks (it stays signed in); null for a call with an API token
     * @throws InvalidInputException     naming {@code currentPassword}, {@code newPassword} or {@code repeatPassword}
     * @throws TooManyRequestsException while wrong passwords lock this account or address out
     */
    public void change(Person who, Change change, String address, String keepSession) {
        if (who == null || !who.isInstructor()) {
            throw new AccessDeniedException("only instructors have a password here; students join with a class code");
        }
        String username = who.id();
        throttle.lockout(username, address).ifPresent(l -> {
            throw new TooManyRequestsException("too many wrong passwords: at most " + l.limit() + " per "
                    + "nnlab.security.login-window (" + l.limitName() + ")", l.limitName(), l.limit(),
                    Duration.ofSeconds(l.seconds()));
        });
        String current = change.currentPassword() == null ? "" : change.currentPassword();
        String hash = instructors.passwordHash(username)
                .orElseThrow(() -> new AccessDeniedException("no instructor account '" + username + "'"));
        if (!passwords.matches(current, hash)) {
            throttle.failed(username, address);
            throw new InvalidInputException("currentPassword", "is wrong");
        }
        String next = change.newPassword() == null ? "" : change.newPassword();
        InvalidInputException.require(next.codePointCount(0, next.length()) >= minLength, "newPassword",
                "must be at least " + minLength + " characters (" + MIN_LENGTH_PROPERTY + ")");
        InvalidInputException.require(next.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES, "newPassword",
                "must be at most " + MAX_BYTES + " bytes in UTF-8 (BCrypt reads no further)");
        InvalidInputException.require(!next.equals(current), "newPassword", "must differ from the current password");
        InvalidInputException.require(next.equals(change.repeatPassword()), "repeatPassword",
                "must be the same as the new password");
        instructors.updatePasswordHash(username, passwords.encode(next));
        int ended = 0;
        for (SessionInformation session : sessions.getAllSessions(who, false)) {
            if (session.getSessionId().equals(keepSession)) continue;
            session.expireNow();
            ended++;
        }
        log.info("instructor '{}' changed their password; {} other session(s) ended", username, ended);
    }
}
