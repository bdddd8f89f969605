package nnlab.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's own error answers (in place of its HTML report): requests Tomcat refuses before they reach the
 * application (an address with an encoded slash, a NUL byte, a backslash or bytes that are not UTF-8, a
 * request line or headers past the size limit, a TRACE) are answered like every other error, as a problem
 * or, for a browser asking for a page, the error page.
 */
class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final Supplier<ErrorReplies> replies;
    private final int maxHeaderBytes;

    ProblemReportValve(Supplier<ErrorReplies> replies, int maxHeaderBytes) {
        this.replies = replies;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        try {
            String detail;
            if (status == 501) {
                // Tomcat answers 501 to a CONNECT, or to a transfer coding other than chunked: the client's
                // request, not a fault of the server
                boolean connect = "CONNECT".equals(request.getMethod());
                status = connect ? 405 : 400;
                response.setStatus(status);
                if (connect) response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                detail = connect ? "this server does not take CONNECT requests" : "the request's Transfer-Encoding"
                        + " is not supported: send the body with a Content-Length, or chunked";
            } else {
                detail = detail(status, request.getMethod(), request.getRequestURI(), throwable);
            }
            ErrorReplies.Reply reply = replies.get().reply(request, ErrorReplies.problem(status, detail));
            response.setContentType(reply.contentType());
            PrintWriter out = response.getReporter();
            if (out != null && !"HEAD".equals(request.getMethod())) {
                out.write(reply.body());
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not write the error answer: {}", e.toString());
        }
    }

    /** What was wrong with the request, as far as Tomcat's reason and the raw address tell. */
    String detail(int status, String method, String rawUri, Throwable parseError) {
        String uri = rawUri == null ? "" : rawUri.toLowerCase(Locale.ROOT);
        if (status == 400) {
            String why = parseError == null ? "" : String.valueOf(parseError.getMessage()).toLowerCase(Locale.ROOT);
            if (why.contains("too large") || uri.length() >= maxHeaderBytes - 64) {
                return "the request line and headers are too long: together they are limited to "
                        + maxHeaderBytes / 1024 + " KB";
            }
            if (why.contains("header")) {
                return "a request header could not be read: its name or value contains characters that are not"
                        + " allowed (such as a space in the name, or a control character)";
            }
            if (uri.isEmpty()) {
                return "the request line or a header could not be read: it contains characters that are not allowed"
                        + " (such as a backslash, a space or a control character in the address) or is not HTTP";
            }
            if (uri.contains("%2f") || uri.contains("%5c")) {
                return "the address contains an encoded slash or backslash (%2F, %5C), which is not allowed";
            }
            if (uri.contains("%00")) return "the address contains an encoded NUL byte (%00), which is not allowed";
            if (uri.contains("\\")) return "the address contains a backslash, which is not allowed: use '/'";
            if (uri.contains("%")) {
                return "the address contains a %-escape that is incomplete or does not decode to UTF-8 text";
            }
            return "the request could not be read: its address or a header is not valid HTTP";
        }
        if (status == 405) return "this server does not take " + method + " requests";
        return ErrorReplies.detailFor(status, method);
    }
}
