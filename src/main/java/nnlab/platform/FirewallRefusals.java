package nnlab.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests Spring Security's firewall refuses (an address with {@code ..}, {@code ;}, {@code //}, an
 * encoded dot or line break; a header with control characters; a method outside the usual ones) get a
 * 400 or 405 in plain words, as a problem or the error page; logged at debug level, without a stack trace.
 */
@Component
public class FirewallRefusals implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRefusals.class);
    /** The methods the firewall lets through (StrictHttpFirewall's default). */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ErrorReplies replies;

    public FirewallRefusals(ErrorReplies replies) {
        this.replies = replies;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refusal)
            throws IOException {
        log.debug("refused by the firewall: {}", refusal.getMessage());
        if (response.isCommitted()) return;
        response.reset();
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            replies.write(request, response, ErrorReplies.problem(HttpStatus.METHOD_NOT_ALLOWED.value(),
                    "this server does not take " + request.getMethod() + " requests"));
            return;
        }
        replies.write(request, response, ErrorReplies.problem(HttpStatus.BAD_REQUEST.value(), detail(refusal)));
    }

    /** The firewall's reason, in words that name what to change. */
    static String detail(RequestRejectedException refusal) {
        String reason = String.valueOf(refusal.getMessage()).toLowerCase(Locale.ROOT);
        if (reason.contains("header")) {
            return "a request header's name or value contains characters that are not allowed (such as control"
                    + " characters or line breaks)";
        }
        if (reason.contains("parameter")) {
            return "a request parameter's name or value contains characters that are not allowed";
        }
        if (reason.contains("host")) return "the request's Host is not allowed";
        return "the address is not allowed: it must be plain and normalized, without '..', '//', ';', encoded"
                + " dots, slashes, percent signs or line breaks, and without control characters";
    }
}
