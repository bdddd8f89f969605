package nnlab.identity;

import java.io.Serializable;
import java.security.Principal;
import nnlab.jobs.JobCaller;

/**
 * The caller of a request: a student (by their id, in one class), an instructor (by username) or an
 * anonymous caller (told apart by the {@code X-Nnlab-Client} header or the remote address). Controllers
 * get it with {@code @AuthenticationPrincipal Person who}.
 *
 * @param id          the student's id, the instructor's username, or the anonymous caller's header or address
 * @param displayName what pages show for them (always as text)
 * @param classId     the student's class; null for instructors and anonymous callers
 */
public record Person(Role role, String id, String displayName, Long classId)
        implements Principal, JobCaller, Serializable {

    public static final String STUDENT_PREFIX = "student:";
    public static final String INSTRUCTOR_PREFIX = "instructor:";
    public static final String ANONYMOUS_PREFIX = "anonymous:";

    public static Person student(long id, String displayName, long classId) {
        return new Person(Role.STUDENT, Long.toString(id), displayName, classId);
    }

    public static Person instructor(String username) {
        return new Person(Role.INSTRUCTOR, username, username, null);
    }

    public static Person anonymous(String client) {
        return new Person(Role.ANONYMOUS, client, "anonymous", null);
    }

    /** The owner key of a student, as stored with their jobs and tokens. */
    public static String studentKey(long studentId) {
        return STUDENT_PREFIX + studentId;
    }

    /** The student id of an owner key {@code student:<id>}; null for other owners. */
    public static Long studentIdOf(String ownerKey) {
        if (ownerKey == null || !ownerKey.startsWith(STUDENT_PREFIX)) return null;
        try {
            return Long.parseLong(ownerKey.substring(STUDENT_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The key the caller's jobs are stored under (the job's {@code client}): {@code student:<id>},
     * {@code instructor:<username>} or {@code anonymous:<header or address>}.
     */
    @Override
    public String ownerKey() {
        return switch (role) {
            case STUDENT -> STUDENT_PREFIX + id;
            case INSTRUCTOR -> INSTRUCTOR_PREFIX + id;
            case ANONYMOUS -> ANONYMOUS_PREFIX + id;
        };
    }

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }

    public boolean isStudent() {
        return role == Role.STUDENT;
    }

    @Override
    public boolean seesEveryJob() {
        return isInstructor();
    }

    @Override
    public boolean authenticated() {
        return role != Role.ANONYMOUS;
    }

    /**
     * Instructors reach every job, everyone their own; jobs of anonymous callers (and those stored before
     * there were owner keys) stay reachable by anyone who has their unguessable id, as before classes.
     */
    @Override
    public boolean mayReach(String owner) {
        if (isInstructor() || ownerKey().equals(owner) || owner == null) return true;
        return !owner.startsWith(STUDENT_PREFIX) && !owner.startsWith(INSTRUCTOR_PREFIX);
    }

    /** The owner key, so that Spring Security's {@code Authentication.getName()} is the owner key too. */
    @Override
    public String getName() {
        return ownerKey();
    }
}
