package nnlab.classroom.challenge;

import java.net.URI;
import nnlab.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A submission or a look at a challenge refused, in plain words; when a limit refused it, the problem names the
 * limit and its value ({@code limit}, {@code limitValue}) and what the job had ({@code value}).
 */
public class ChallengeRefusedException extends RuntimeException implements ErrorResponse {

    private static final URI TYPE = URI.create("/problems/challenge-refused");

    private final HttpStatus status;
    private final String title;
    private final String limit;
    private final Object limitValue;
    private final Object value;

    ChallengeRefusedException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null, null, null);
    }

    ChallengeRefusedException(HttpStatus status, String title, String detail, String limit, Object limitValue,
                              Object value) {
        super(detail);
        this.status = status;
        this.title = title;
        this.limit = limit;
        this.limitValue = limitValue;
        this.value = value;
    }

    static ChallengeRefusedException notFound(long id) {
        return new ChallengeRefusedException(HttpStatus.NOT_FOUND, "No such challenge", "there is no challenge " + id);
    }

    static ChallengeRefusedException overLimit(String limit, Object limitValue, Object value, String detail) {
        return new ChallengeRefusedException(HttpStatus.UNPROCESSABLE_ENTITY, "Over the challenge's limit", detail,
                limit, limitValue, value);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return status;
    }

    @Override
    public ProblemDetail getBody() {
        ProblemDetail p = Problems.of(status, TYPE, title, getMessage());
        if (limit != null) {
            p.setProperty("limit", limit);
            p.setProperty("limitValue", limitValue);
            if (value != null) p.setProperty("value", value);
        }
        return p;
    }
}
