package nnlab.classroom;

import java.net.URI;
import nnlab.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/** The caller's class has its submissions paused by the instructor: 423 Locked, the class is fine otherwise. */
public class SubmissionsPausedException extends RuntimeException implements ErrorResponse {

    private static final URI PAUSED = URI.create("/problems/submissions-paused");

    private final Classroom classroom;

    public SubmissionsPausedException(Classroom classroom) {
        super("the instructor has paused job submissions for the class \u201c" + classroom.name()
                + "\u201d: wait until they resume them");
        this.classroom = classroom;
    }

    public Classroom classroom() {
        return classroom;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.LOCKED;
    }

    @Override
    public ProblemDetail getBody() {
        ProblemDetail p = Problems.of(HttpStatus.LOCKED, PAUSED, "Submissions paused", getMessage());
        p.setProperty("classId", classroom.id());
        p.setProperty("className", classroom.name());
        return p;
    }
}
