package nnlab.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/** Input a feature refuses: a 400 naming the field and saying what is allowed. */
public class InvalidInputException extends RuntimeException implements ErrorResponse {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public static void require(boolean condition, String field, String reason) {
        if (!condition) throw new InvalidInputException(field, reason);
    }

    public String field() {
        return field;
    }

    /** What is allowed, without the field's name. */
    public String reason() {
        return reason;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.invalid(field, reason);
    }
}
