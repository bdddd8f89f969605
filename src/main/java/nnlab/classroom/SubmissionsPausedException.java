package nnlab.classroom;

/** The caller's class has its submissions paused by the instructor. */
public class SubmissionsPausedException extends RuntimeException {

    private final Classroom classroom;

    public SubmissionsPausedException(Classroom classroom) {
        super("the instructor has paused job submissions for the class \u201c" + classroom.name()
                + "\u201d: wait until they resume them");
        this.classroom = classroom;
    }

    public Classroom classroom() {
        return classroom;
    }
}
