package nnlab.identity;

/** What a caller is to the server. */
public enum Role {
    STUDENT, INSTRUCTOR, ANONYMOUS;

    /** The Spring Security authority of the role: ROLE_STUDENT, ROLE_INSTRUCTOR, ROLE_ANONYMOUS. */
    public String authority() {
        return "ROLE_" + name();
    }
}
