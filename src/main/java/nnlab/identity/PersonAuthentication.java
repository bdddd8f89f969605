package nnlab.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in student or instructor: the principal is the {@link Person}, the authority their role. */
public class PersonAuthentication extends AbstractAuthenticationToken {

    private final Person person;

    public PersonAuthentication(Person person) {
        super(List.of(new SimpleGrantedAuthority(person.role().authority())));
        this.person = person;
        setAuthenticated(true);
    }

    @Override
    public Person getPrincipal() {
        return person;
    }

    @Override
    public Object getCredentials() {
        return "";
    }
}
