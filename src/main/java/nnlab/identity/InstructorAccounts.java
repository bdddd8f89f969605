package nnlab.identity;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the configured instructor accounts that do not exist yet. An account that exists keeps its stored
 * password, so a password changed on {@code /account} survives restarts with the old one still configured,
 * unless the account's {@code reset-password} is set (env {@code NNLAB_RESET_INSTRUCTOR_PASSWORD=true}): then
 * the configured password replaces the stored one, which is how a lost password is replaced.
 * With none configured and none stored, creates one with a generated password and prints it once in the
 * log: the only place it is ever shown. Two servers starting at once on one empty database may both find an
 * account missing; the one that inserts second finds the other's row there, keeps it and says so.
 */
@Component
public class InstructorAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InstructorAccounts.class);
    /** No 0/O, 1/l/I: the password is read off a log and typed in. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final InstructorRepository instructors;
    private final PasswordEncoder passwords;
    private final IdentityProperties settings;

    public InstructorAccounts(InstructorRepository instructors, PasswordEncoder passwords,
                              IdentityProperties settings) {
        this.instructors = instructors;
        this.passwords = passwords;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = false;
        String firstName = null;
        for (IdentityProperties.Account a : settings.instructors()) {
            if (a == null || a.username() == null || a.username().isBlank()) continue;
            String username = a.username().strip();
            if (firstName == null) firstName = username;
            if (a.password() == null || a.password().isEmpty()) {
                if (a.resetPassword()) {
                    log.warn("instructor account '{}': a password reset was asked but no password is configured;"
                            + " set NNLAB_INSTRUCTOR_PASSWORD too. The stored password is kept", username);
                }
                continue;
            }
            configured = true;
            var stored = instructors.passwordHash(username);
            if (stored.isEmpty()) {
                if (created(username, passwords.encode(a.password()))) {
                    log.info("instructor account '{}' created with the configured password", username);
                }
            } else if (passwords.matches(a.password(), stored.get())) {
                log.info("instructor account '{}' uses the configured password", username);
            } else if (a.resetPassword()) {
                instructors.updatePasswordHash(username, passwords.encode(a.password()));
                log.warn("instructor account '{}': its password was reset to the configured one (reset asked);"
                        + " remove NNLAB_RESET_INSTRUCTOR_PASSWORD so that a password changed on /account stays",
                        username);
            } else {
                log.info("instructor account '{}' keeps its stored password, which differs from the configured one;"
                        + " to replace it, start once with NNLAB_INSTRUCTOR_PASSWORD and"
                        + " NNLAB_RESET_INSTRUCTOR_PASSWORD=true", username);
            }
        }
        if (!configured && instructors.count() == 0) {
            String username = firstName != null ? firstName : "instructor";
            String password = generated();
            if (!created(username, passwords.encode(password))) return;
            log.warn("\n\n  No instructor account was configured: created '{}' with the password  {}  (generated)\n"
                    + "  It is shown only this once. To choose one, start with NNLAB_INSTRUCTOR_PASSWORD and"
                    + " NNLAB_RESET_INSTRUCTOR_PASSWORD=true.\n", username, password);
        }
    }

    /** Inserts the account; false when another server, starting at the same time, inserted it first. */
    private boolean created(String username, String passwordHash) {
        try {
            instructors.insert(username, passwordHash);
            return true;
        } catch (DuplicateKeyException e) {
            log.info("instructor account '{}' was created at the same moment by another server on this database;"
                    + " its account is kept", username);
            return false;
        }
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return s.toString();
    }
}
