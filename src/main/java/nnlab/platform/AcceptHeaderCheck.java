package nnlab.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An Accept header that is not a list of media types (`*&#47;*;q=abc`) is refused first, in words: past this point
 * Spring could not choose a format for any answer, so an error would go out with an empty body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AcceptHeaderCheck extends OncePerRequestFilter {

    private final ErrorReplies replies;

    AcceptHeaderCheck(ErrorReplies replies) {
        this.replies = replies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String accept : Collections.list(request.getHeaders("Accept"))) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                replies.write(request, response, ErrorReplies.problem(400, "the Accept header is not a list of"
                        + " media types (for example application/json, or */*;q=0.8): send a valid one or none"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
