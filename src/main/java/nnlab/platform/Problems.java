package nnlab.platform;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The shapes of the API's problems that several packages answer with. */
public final class Problems {

    public static final URI INVALID = URI.create("/problems/invalid-input");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(type);
        p.setTitle(title);
        return p;
    }

    /** A 400 naming the JSON field (or form field, or parameter) and what it allows. */
    public static ProblemDetail invalid(String field, String reason) {
        ProblemDetail p = of(HttpStatus.BAD_REQUEST, INVALID, "Invalid input", field + ": " + reason);
        p.setProperty("field", field);
        p.setProperty("reason", reason);
        return p;
    }

    /** A refusal until later, naming the configuration property of the limit and when to come back. */
    public static ProblemDetail limited(HttpStatusCode status, URI type, String title, String detail, String limitName,
                                        int limit, long retryAfterSeconds) {
        ProblemDetail p = of(status, type, title, detail);
        p.setProperty("limit", limitName);
        p.setProperty("limitValue", limit);
        p.setProperty("retryAfterSeconds", retryAfterSeconds);
        return p;
    }

    public static HttpHeaders retryAfter(long seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return headers;
    }
}
