package nnlab.identity;

import jakarta.servlet.http.HttpServletRequest;
import nnlab.platform.Viewer;
import nnlab.platform.ViewerLookup;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The pages' header names the student who joined or the instructor who signed in; others are visitors. */
@Component
class PersonViewers implements ViewerLookup {

    @Override
    public Viewer viewer(HttpServletRequest request) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !(a.getPrincipal() instanceof Person p) || !p.authenticated()) return Viewer.VISITOR;
        if (p.isInstructor()) return new Viewer(p.id(), true);
        if (p.isStudent()) return new Viewer(p.displayName(), false);
        return Viewer.VISITOR;
    }
}
