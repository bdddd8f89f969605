package nnlab.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.GenericFilterBean;

/**
 * What every page's header and footer show (templates/fragments/site.html), as request attributes: who is
 * looking ({@value #VIEWER}) and the server's version ({@value #VERSION}). Runs after Spring Security, so the
 * caller is known, on every dispatch (an error page rendered after a refusal has a header too).
 */
@Component
public class SiteAttributes extends GenericFilterBean {

    public static final String VIEWER = "viewer";
    public static final String VERSION = "siteVersion";
    /** Spring Security's CSRF token, which the header's sign-out form sends. */
    static final String CSRF = "_csrf";

    private final ObjectProvider<ViewerLookup> viewers;
    private final String version;

    public SiteAttributes(ObjectProvider<ViewerLookup> viewers, ObjectProvider<BuildProperties> build) {
        this.viewers = viewers;
        BuildProperties b = build.getIfAvailable();
        this.version = b != null && b.getVersion() != null ? b.getVersion() : "development build";
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) fill(http);
        chain.doFilter(request, response);
    }

    /** Sets the attributes; also called for an error page written before this filter's turn (a refusal). */
    void fill(HttpServletRequest request) {
        ViewerLookup lookup = viewers.getIfAvailable();
        request.setAttribute(VIEWER, lookup == null ? Viewer.VISITOR : lookup.viewer(request));
        request.setAttribute(VERSION, version);
    }

    public String version() {
        return version;
    }
}
