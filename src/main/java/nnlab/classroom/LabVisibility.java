package nnlab.classroom;

import nnlab.identity.Person;

import java.util.List;
import java.util.function.Predicate;
import nnlab.labs.Lab;
import org.springframework.stereotype.Component;

/** Which labs a person sees: a student those their class shows, everyone else every lab. */
@Component
public class LabVisibility {

    private final ClassRepository classes;

    public LabVisibility(ClassRepository classes) {
        this.classes = classes;
    }

    public Predicate<String> slugsVisibleTo(Person who) {
        if (who == null || !who.isStudent()) return slug -> true;
        return classes.find(who.classId()).<Predicate<String>>map(c -> c::showsLab).orElse(slug -> true);
    }

    public List<Lab> visible(List<Lab> labs, Person who) {
        Predicate<String> shown = slugsVisibleTo(who);
        return labs.stream().filter(l -> shown.test(l.slug())).toList();
    }
}
