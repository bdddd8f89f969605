package nnlab.identity;

import java.time.Instant;

/** A student in one class, known by the display name they chose when joining. */
public record Student(long id, long classId, String displayName, Instant createdAt, Instant lastSeenAt) {

    public Person person() {
        return Person.student(id, displayName, classId);
    }
}
