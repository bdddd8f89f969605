package nnlab.labs;

import java.util.List;
import java.util.function.Predicate;
import nnlab.identity.Person;

/**
 * Which labs a person sees. The labs know no classes: the classroom answers this for its students (a
 * student sees the labs their class shows), everyone else sees every lab.
 */
public interface LabVisibility {

    Predicate<String> slugsVisibleTo(Person who);

    default List<Lab> visible(List<Lab> labs, Person who) {
        Predicate<String> shown = slugsVisibleTo(who);
        return labs.stream().filter(l -> shown.test(l.slug())).toList();
    }
}
