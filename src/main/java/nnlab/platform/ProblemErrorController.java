package nnlab.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}, in place of Spring Boot's): errors that happen
 * outside the controllers (a {@code sendError} in a filter, an exception escaping one) are answered
 * as a problem or, for a browser asking for a page, the error page. The content type is set here, so
 * whatever the request accepts (even text/event-stream) it gets a body.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private final ErrorReplies replies;

    public ProblemErrorController(ErrorReplies replies) {
        this.replies = replies;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is just an address with nothing at it
        int status = code == null ? 404 : code instanceof Integer i && i >= 400 ? i : 500;
        ProblemDetail problem = ErrorReplies.problem(status, ErrorReplies.detailFor(status, request.getMethod()));
        ErrorReplies.Reply reply = replies.reply(request, problem);
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(reply.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(reply.body());
    }
}
