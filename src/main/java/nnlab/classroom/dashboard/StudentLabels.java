package nnlab.classroom.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nnlab.identity.Student;

/**
 * How the instructor tells students apart: by name, and when two students of a class chose the same name
 * (ignoring case and spaces), by the name and a short tag of their id, "Alex #3f". The tag is the id in base
 * 36, so it is unique in the whole server and never changes.
 */
final class StudentLabels {

    private StudentLabels() {
    }

    static String tag(long studentId) {
        return "#" + Long.toString(studentId, 36);
    }

    /** Each student's label by id. */
    static Map<Long, String> of(List<Student> roster) {
        Map<String, Integer> sameName = new HashMap<>();
        roster.forEach(s -> sameName.merge(key(s.displayName()), 1, Integer::sum));
        Map<Long, String> labels = new HashMap<>();
        for (Student s : roster) {
            boolean shared = sameName.get(key(s.displayName())) > 1;
            labels.put(s.id(), shared ? s.displayName() + " " + tag(s.id()) : s.displayName());
        }
        return labels;
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
