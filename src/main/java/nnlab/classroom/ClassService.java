package nnlab.classroom;

import java.security.SecureRandom;
import java.util.List;
import nnlab.identity.Student;
import nnlab.identity.StudentRepository;
import nnlab.labs.LabCatalog;
import nnlab.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Making classes and joining them. */
@Service
public class ClassService {

    /** Join codes: no 0/O, 1/I/L, 5/S or 8/B to mix up when read off a projector. */
    static final String CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679";
    static final int CODE_LENGTH = 6;
    public static final int MAX_NAME = 40;
    public static final int MAX_CLASS_NAME = 100;

    private final ClassRepository classes;
    private final StudentRepository students;
    private final LabCatalog labs;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    public ClassService(ClassRepository classes, StudentRepository students, LabCatalog labs,
                        ApplicationEventPublisher events) {
        this.classes = classes;
        this.students = students;
        this.labs = labs;
        this.events = events;
    }

    public Classroom create(String name) {
        String n = name == null ? "" : name.strip();
        InvalidInputException.require(!n.isEmpty() && n.length() <= MAX_CLASS_NAME && printable(n), "name",
                "must be 1 to " + MAX_CLASS_NAME + " printable characters");
        for (int attempt = 0; ; attempt++) {
            try {
                return classes.insert(n, newCode());
            } catch (DuplicateKeyException e) {
                if (attempt > 20) throw e;
            }
        }
    }

    public List<Classroom> all() {
        return classes.all();
    }

    public Classroom get(long id) {
        return classes.find(id).orElseThrow(() -> new ClassNotFoundException(id));
    }

    public Classroom setOpen(long id, boolean open) {
        get(id);
        classes.setOpen(id, open);
        return get(id);
    }

    public Classroom setSubmissionsPaused(long id, boolean paused) {
        get(id);
        classes.setSubmissionsPaused(id, paused);
        return get(id);
    }

    /** @param slugs the labs the class's students see, each one a lab of the catalogue; null = every lab */
    public Classroom setVisibleLabs(long id, List<String> slugs) {
        get(id);
        if (slugs != null) {
            for (int i = 0; i < slugs.size(); i++) {
                String slug = slugs.get(i);
                InvalidInputException.require(slug != null && labs.find(slug).isPresent(), "labs[" + i + "]",
                        "is not a lab: " + (slug == null ? "null" : "'" + slug + "'") + "; the labs are "
                                + labs.current().labs().stream().map(nnlab.labs.Lab::slug).toList());
            }
            slugs = slugs.stream().distinct().toList();
        }
        classes.setVisibleLabs(id, slugs);
        return get(id);
    }

    /**
     * A new student in the class with this code.
     *
     * @throws JoinRefusedException naming the field: an unknown code, a closed class, a bad display name
     */
    public Student join(String code, String displayName) {
        String name = displayName(displayName);
        Classroom c = classes.findByCode(normalCode(code))
                .orElseThrow(() -> new JoinRefusedException("code", 404, "There is no class with this code. Check it with"
                        + " your instructor."));
        if (!c.open()) {
            throw new JoinRefusedException("code", 403, "The class \u201c" + c.name() + "\u201d is closed: it does not"
                    + " take new students now. Ask your instructor to open it.");
        }
        Student student = students.insert(c.id(), name);
        events.publishEvent(new ClassActivity(c.id()));
        return student;
    }

    /** The display name, trimmed, or an explanation of what is wrong with it. */
    static String displayName(String given) {
        String name = given == null ? "" : given.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_NAME) {
            throw new JoinRefusedException("displayName", 400, "Your name must be 1 to " + MAX_NAME + " characters long.");
        }
        if (!printable(name)) {
            throw new JoinRefusedException("displayName", 400, "Your name cannot contain control characters.");
        }
        return name;
    }

    /** Upper case, without spaces or dashes: what was typed, as stored. */
    static String normalCode(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private String newCode() {
        StringBuilder s = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) s.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        return s.toString();
    }

    private static boolean printable(String s) {
        return s.codePoints().noneMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                && cp != 0x200D);
    }
}
