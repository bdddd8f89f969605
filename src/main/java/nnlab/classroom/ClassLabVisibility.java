package nnlab.classroom;

import java.util.function.Predicate;
import nnlab.identity.Person;
import nnlab.labs.LabVisibility;
import org.springframework.stereotype.Component;

/** A student sees the labs their class shows, everyone else every lab. */
@Component
public class ClassLabVisibility implements LabVisibility {

    private final ClassRepository classes;

    public ClassLabVisibility(ClassRepository classes) {
        this.classes = classes;
    }

    @Override
    public Predicate<String> slugsVisibleTo(Person who) {
        if (who == null || !who.isStudent()) return slug -> true;
        return classes.find(who.classId()).<Predicate<String>>map(c -> c::showsLab).orElse(slug -> true);
    }
}
