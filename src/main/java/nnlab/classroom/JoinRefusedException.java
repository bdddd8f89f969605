package nnlab.classroom;

/** Joining a class was refused; the message is for the student and names what to do. */
public class JoinRefusedException extends RuntimeException {

    private final String field;
    private final int status;

    /** @param status the HTTP status the join page answers with: 400 bad name, 404 unknown code, 403 closed */
    public JoinRefusedException(String field, int status, String message) {
        super(message);
        this.field = field;
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
