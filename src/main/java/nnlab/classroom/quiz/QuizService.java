package nnlab.classroom.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nnlab.classroom.ClassNotFoundException;
import nnlab.classroom.ClassRepository;
import nnlab.identity.Person;
import nnlab.labs.Lab;
import nnlab.labs.LabCatalog;
import nnlab.labs.LabQuestion;
import nnlab.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Live quizzes: an instructor launches a question to a class (from a lab file or typed on the spot), students
 * answer it (one answer each, changeable while it is open), the instructor closes and reveals it. The database
 * holds the state, so a reload, or another instance, sees the same quiz; each change is pushed live.
 */
@Service
public class QuizService {

    /** How long a revealed quiz is still shown to a student who opens a page. */
    static final Duration SHOWN_AFTER_REVEAL = Duration.ofMinutes(15);

    private final QuizRepository quizzes;
    private final ClassRepository classes;
    private final LabCatalog labs;
    private final QuizBroadcasts live;
    private final Clock clock = Clock.systemUTC();

    public QuizService(QuizRepository quizzes, ClassRepository classes, LabCatalog labs, QuizBroadcasts live) {
        this.quizzes = quizzes;
        this.classes = classes;
        this.labs = labs;
        this.live = live;
    }

    /** A question typed on the spot, or (with {@code lab} and {@code question}) one of a lab file. */
    public record Launch(String lab, String question, String text, List<String> choices, List<Integer> correct,
                         Double number, Double tolerance, String explanation) {
    }

    /** The quiz as the instructor sees it: with its key and the class's answers so far. */
    public record InstructorQuiz(Quiz quiz, Tally tally) {
    }

    /** Launches a question to the class; an open quiz of the class is closed first. */
    public InstructorQuiz launch(long classId, Launch request) {
        requireClass(classId);
        QuizQuestion question = question(request);
        Instant now = clock.instant();
        synchronized (this) {
            quizzes.closeOpen(classId, now);
            Quiz quiz = quizzes.insert(classId, question, now);
            live.changed(quiz, Tally.of(quiz, List.of()));
            return new InstructorQuiz(quiz, Tally.of(quiz, List.of()));
        }
    }

    public InstructorQuiz close(long classId, long quizId) {
        return move(classId, quizId, Quiz.State.CLOSED);
    }

    /** Closes the quiz if it is open, and shows its key, explanation and answers to the class. */
    public InstructorQuiz reveal(long classId, long quizId) {
        return move(classId, quizId, Quiz.State.REVEALED);
    }

    private InstructorQuiz move(long classId, long quizId, Quiz.State to) {
        Quiz before = quizOfClass(classId, quizId);
        if (!quizzes.advance(quizId, to, clock.instant()) && before.state() != to) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "quiz " + quizId + " is " + before.state()
                    .name().toLowerCase() + " already: it cannot be closed again");
        }
        Quiz quiz = quizzes.find(quizId).orElseThrow();
        Tally tally = Tally.of(quiz, quizzes.answers(quizId));
        if (before.state() != quiz.state()) live.changed(quiz, tally);
        return new InstructorQuiz(quiz, tally);
    }

    /** The class's newest quiz with its answers; empty when it never had one. */
    public java.util.Optional<InstructorQuiz> current(long classId) {
        requireClass(classId);
        return quizzes.latest(classId).map(q -> new InstructorQuiz(q, Tally.of(q, quizzes.answers(q.id()))));
    }

    /** Every quiz of the class with its answers, oldest first. */
    public List<InstructorQuiz> all(long classId) {
        requireClass(classId);
        List<InstructorQuiz> all = new ArrayList<>();
        for (Quiz q : quizzes.ofClass(classId)) all.add(new InstructorQuiz(q, Tally.of(q, quizzes.answers(q.id()))));
        return all;
    }

    /**
     * The quiz a student's page shows: their class's newest one while it is open or closed, and for a while after
     * it was revealed; empty otherwise, and for anyone who is not a student.
     */
    public java.util.Optional<StudentQuiz> forStudent(Person who) {
        if (who == null || !who.isStudent() || who.classId() == null) return java.util.Optional.empty();
        long student = Long.parseLong(who.id());
        return quizzes.latest(who.classId())
                .filter(q -> !q.revealed() || q.revealedAt().isAfter(clock.instant().minus(SHOWN_AFTER_REVEAL)))
                .map(q -> studentView(q, student));
    }

    /** A student's answer: counted once per student, replacing their earlier one while the quiz is open. */
    public StudentQuiz answer(Person who, long quizId, List<Integer> choices, String number) {
        if (who == null || !who.isStudent() || who.classId() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the students of a class answer its quizzes");
        }
        Quiz quiz = quizzes.find(quizId).filter(q -> q.classId() == who.classId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "your class has no quiz " + quizId));
        QuizQuestion q = quiz.question();
        QuizQuestion.Checked checked = q.check(choices, number).orElseThrow(() -> q.isChoice()
                ? new InvalidInputException("choices", q.severalRight()
                        ? "pick one or more of the choices 0 to " + (q.choices().size() - 1)
                        : "pick one of the choices 0 to " + (q.choices().size() - 1))
                : new InvalidInputException("number", "must be a number, such as 3.65 or 3,65, of at most "
                        + LabQuestion.MAX_ANSWER + " characters"));
        long student = Long.parseLong(who.id());
        if (!quizzes.answer(quizId, student, checked, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "this question is closed: answers are no longer taken");
        }
        live.answered(quiz, Tally.of(quiz, quizzes.answers(quizId)));
        return studentView(quizzes.find(quizId).orElseThrow(), student);
    }

    private StudentQuiz studentView(Quiz quiz, long student) {
        Tally tally = quiz.revealed() ? Tally.of(quiz, quizzes.answers(quiz.id())) : null;
        return StudentQuiz.of(quiz, tally, quizzes.answerOf(quiz.id(), student).orElse(null));
    }

    /** The questions of the lab files the class sees, for the instructor to pick from. */
    public List<LabQuestionChoice> labQuestions(long classId) {
        var classroom = classes.find(classId).orElseThrow(() -> new ClassNotFoundException(classId));
        List<LabQuestionChoice> all = new ArrayList<>();
        for (Lab lab : labs.current().labs()) {
            if (!classroom.showsLab(lab.slug())) continue;
            for (LabQuestion q : lab.questions()) {
                all.add(new LabQuestionChoice(lab.slug(), lab.title(), q.id(), q.text(), q.isChoice() ? "choice" : "number"));
            }
        }
        return all;
    }

    public record LabQuestionChoice(String lab, String labTitle, String question, String text, String kind) {
    }

    private Quiz quizOfClass(long classId, long quizId) {
        requireClass(classId);
        return quizzes.find(quizId).filter(q -> q.classId() == classId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "class " + classId
                        + " has no quiz " + quizId));
    }

    private void requireClass(long classId) {
        if (classes.find(classId).isEmpty()) throw new ClassNotFoundException(classId);
    }

    /** The question to launch, checked field by field. */
    QuizQuestion question(Launch r) {
        InvalidInputException.require(r != null, "body", "must be a question: {lab, question} or {text, ...}");
        if (r.lab() != null || r.question() != null) {
            InvalidInputException.require(r.text() == null && r.choices() == null && r.correct() == null
                    && r.number() == null && r.tolerance() == null && r.explanation() == null, "lab",
                    "a lab's question is launched as it is: give lab and question alone");
            Lab lab = labs.find(r.lab() == null ? "" : r.lab()).orElseThrow(() -> new InvalidInputException("lab",
                    "is not a lab: " + (r.lab() == null ? "null" : "'" + r.lab() + "'")));
            LabQuestion q = lab.question(r.question() == null ? "" : r.question()).orElseThrow(() ->
                    new InvalidInputException("question", "lab '" + lab.slug() + "' has no question '" + r.question()
                            + "'; its questions are " + lab.questions().stream().map(LabQuestion::id).toList()));
            return QuizQuestion.of(lab.slug(), q);
        }
        String text = text(r.text(), "text", QuizQuestion.MAX_TEXT, true);
        String explanation = r.explanation() == null || r.explanation().isBlank() ? null
                : text(r.explanation(), "explanation", QuizQuestion.MAX_EXPLANATION, true);
        if (r.choices() != null) {
            InvalidInputException.require(r.number() == null && r.tolerance() == null, "number",
                    "a multiple-choice question has no number or tolerance");
            InvalidInputException.require(r.choices().size() >= 2 && r.choices().size() <= QuizQuestion.MAX_CHOICES,
                    "choices", "must be 2 to " + QuizQuestion.MAX_CHOICES + " choices");
            List<String> choices = new ArrayList<>();
            for (int i = 0; i < r.choices().size(); i++) {
                choices.add(text(r.choices().get(i), "choices[" + i + "]", QuizQuestion.MAX_CHOICE, false));
            }
            InvalidInputException.require(r.correct() != null && !r.correct().isEmpty(), "correct",
                    "must name the right choices by index (0 to " + (choices.size() - 1) + "), one or more");
            Set<Integer> right = new TreeSet<>();
            for (Integer i : r.correct()) {
                InvalidInputException.require(i != null && i >= 0 && i < choices.size(), "correct",
                        "indices are 0 to " + (choices.size() - 1) + ": " + i + " is not a choice");
                right.add(i);
            }
            return new QuizQuestion(null, null, text, List.copyOf(choices), List.copyOf(right), null, null, explanation);
        }
        InvalidInputException.require(r.correct() == null, "correct", "a number question has no right choices");
        InvalidInputException.require(r.number() != null && Double.isFinite(r.number()), "number",
                "a question needs choices (2 to " + QuizQuestion.MAX_CHOICES + ") or a finite number as its answer");
        double tolerance = r.tolerance() == null ? 0 : r.tolerance();
        InvalidInputException.require(Double.isFinite(tolerance) && tolerance >= 0, "tolerance",
                "must be a finite number, 0 or more");
        return new QuizQuestion(null, null, text, null, List.of(), r.number(), tolerance, explanation);
    }

    /** Text of at most {@code max} characters, without control characters (line breaks only where allowed). */
    private static String text(String given, String field, int max, boolean lines) {
        String s = given == null ? "" : given.strip();
        boolean printable = s.codePoints().allMatch(cp -> !Character.isISOControl(cp) || lines && (cp == '\n' || cp == '\t'));
        InvalidInputException.require(!s.isEmpty() && s.length() <= max && printable, field,
                "must be 1 to " + max + " characters" + (lines ? "" : " on one line") + ", without control characters");
        return s;
    }
}
