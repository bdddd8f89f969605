package nnlab.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks an instructor's username and password against the stored BCrypt hash. */
@Component
public class InstructorLogin implements AuthenticationProvider {

    private final InstructorRepository instructors;
    private final PasswordEncoder passwords;
    /** Compared against when the username is unknown, so that both cases take as long. */
    private final String decoy;

    public InstructorLogin(InstructorRepository instructors, PasswordEncoder passwords) {
        this.instructors = instructors;
        this.passwords = passwords;
        this.decoy = passwords.encode("decoy-password");
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String username = login.getName() == null ? "" : login.getName().strip();
        String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
        var hash = instructors.passwordHash(username);
        boolean matches = passwords.matches(password, hash.orElse(decoy));
        if (hash.isEmpty() || !matches) throw new BadCredentialsException("wrong username or password");
        return new PersonAuthentication(Person.instructor(username));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
