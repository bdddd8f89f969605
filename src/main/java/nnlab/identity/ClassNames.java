package nnlab.identity;

import java.util.Optional;

/** The name of a student's class, for their account page; the classroom, which owns classes, answers it. */
public interface ClassNames {

    Optional<String> nameOf(long classId);
}
