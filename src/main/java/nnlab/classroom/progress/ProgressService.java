package nnlab.classroom.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nnlab.classroom.ClassActivity;
import nnlab.classroom.ClassroomProperties;
import nnlab.identity.Person;
import nnlab.jobs.ReachableJob;
import nnlab.labs.Lab;
import nnlab.labs.LabCatalog;
import nnlab.labs.LabQuestion;
import nnlab.labs.LabVisibility;
import nnlab.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Students' answers to lab questions, checked against the lab file (never the page's verdict), and
 * where each student is, from their pages' heartbeats. Students' answers and visits are stored;
 * anonymous callers' answers are checked only. Tells the class dashboard when something changed,
 * including a student going quiet for longer than {@code nnlab.classroom.online-window}.
 */
@Service
public class ProgressService implements SmartLifecycle {

    /** The page name of the playground; any other page is a lab's slug. */
    public static final String PLAYGROUND = "playground";
    private static final long SWEEP_SECONDS = 5;
    /** Answers kept per student and question; later ones are checked but not kept, so no one can fill the database. */
    public static final int MAX_KEPT_ANSWERS = 20;

    private final LabCatalog labs;
    private final LabVisibility visibility;
    private final ProgressRepository repository;
    private final ApplicationEventPublisher events;
    private final Duration onlineWindow;
    /**
     * Students heard from here within the online window: their class, page and last heartbeat. The instance that
     * heard a student last is the one that tells their dashboard when they go quiet (others may tell it earlier;
     * the dashboard then still shows them online, from the database).
     */
    private final Map<Long, Presence> present = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    private record Presence(long classId, String page, Instant at) {
    }

    public ProgressService(LabCatalog labs, LabVisibility visibility, ProgressRepository repository,
                           ApplicationEventPublisher events, ClassroomProperties properties) {
        this.labs = labs;
        this.visibility = visibility;
        this.repository = repository;
        this.events = events;
        this.onlineWindow = properties.onlineWindow();
    }

    /**
     * @param answer      what was stored and is shown to the instructor (the choice's text, or the number read:
     *                    "3,65" as 3.65)
     * @param stored      false for callers who are not students, and past {@value #MAX_KEPT_ANSWERS} answers of a
     *                    student to one question (such answers are checked only)
     * @param explanation the question's explanation, once the answer is right; else null
     */
    public record Verdict(String lab, String question, boolean correct, String answer, boolean stored,
                          String explanation) {
    }

    public Verdict answer(Person who, String labSlug, String questionId, String given) {
        Lab lab = visibleLab(who, labSlug);
        LabQuestion question = lab.question(questionId == null ? "" : questionId).orElseThrow(() ->
                new InvalidInputException("question", "lab '" + lab.slug() + "' has no question '" + questionId
                        + "'; its questions are " + lab.questions().stream().map(LabQuestion::id).toList()));
        InvalidInputException.require(given != null && !given.isBlank() && given.length() <= LabQuestion.MAX_ANSWER,
                "answer", "must be 1 to " + LabQuestion.MAX_ANSWER + " characters");
        LabQuestion.Checked checked = question.check(given).orElseThrow(() -> new InvalidInputException("answer",
                question.isChoice() ? "must be the index of a choice, 0 to " + (question.choices().size() - 1)
                        : "must be a number"));
        boolean kept = who != null && who.isStudent()
                && repository.answersTo(Long.parseLong(who.id()), lab.slug(), question.id()) < MAX_KEPT_ANSWERS;
        if (kept) {
            long id = Long.parseLong(who.id());
            repository.insertAnswer(who.classId(), new ProgressRepository.Answer(id, lab.slug(), question.id(),
                    checked.answer(), checked.correct(), Instant.now()));
            events.publishEvent(new ClassActivity(who.classId()));
        }
        return new Verdict(lab.slug(), question.id(), checked.correct(), checked.answer(), kept,
                checked.correct() ? question.explanation() : null);
    }

    /**
     * A student's last answer to a question, as the page shows it again after a reload.
     *
     * @param choice      the index of the choice given (null for a number question, or a choice no longer in the lab)
     * @param explanation the question's explanation when the answer is right
     */
    public record SavedAnswer(String question, String answer, Integer choice, boolean correct, String explanation) {
    }

    /**
     * What a student did in a lab: their last answer to each of its questions and the last job of each train
     * block. {@code stored} is false for callers who are not students: nothing of theirs is kept here (their
     * page keeps it in the browser).
     */
    public record LabWork(String lab, boolean stored, List<SavedAnswer> answers, List<ProgressRepository.Run> runs) {
    }

    public LabWork work(Person who, String labSlug) {
        Lab lab = visibleLab(who, labSlug);
        if (who == null || !who.isStudent()) return new LabWork(lab.slug(), false, List.of(), List.of());
        long id = Long.parseLong(who.id());
        Map<String, SavedAnswer> last = new LinkedHashMap<>();
        for (ProgressRepository.Answer a : repository.answersIn(id, lab.slug())) {
            lab.question(a.question()).ifPresent(q -> {
                int choice = q.isChoice() ? q.choices().indexOf(a.answer()) : -1;
                last.put(q.id(), new SavedAnswer(q.id(), a.answer(), choice < 0 ? null : choice, a.correct(),
                        a.correct() ? q.explanation() : null));
            });
        }
        List<ProgressRepository.Run> runs = repository.lastRuns(id, lab.slug()).stream()
                .filter(r -> isTrainBlock(lab, r.block())).toList();
        return new LabWork(lab.slug(), true, List.copyOf(last.values()), runs);
    }

    /** Refuses a block that is not one of the lab's train blocks (its place among the lab's widgets, from 0). */
    public void checkTrainBlock(Person who, String labSlug, int block) {
        Lab lab = visibleLab(who, labSlug);
        InvalidInputException.require(isTrainBlock(lab, block), "block", "must be the place (from 0) of one of the"
                + " train blocks of lab '" + lab.slug() + "' among its widgets, was " + block);
    }

    /**
     * Keeps a student's job as the last run of a lab's train block; the job is one the student reaches.
     *
     * @return true when stored (students only)
     */
    public boolean lastRun(Person who, String labSlug, int block, ReachableJob job) {
        checkTrainBlock(who, labSlug, block);
        if (who == null || !who.isStudent()) return false;
        repository.lastRun(Long.parseLong(who.id()), lab(labSlug).slug(), block, job.id(), Instant.now());
        return true;
    }

    private static boolean isTrainBlock(Lab lab, int block) {
        return block >= 0 && block < lab.widgets().size() && lab.widgets().get(block).equals("train");
    }

    private Lab visibleLab(Person who, String labSlug) {
        Lab lab = lab(labSlug);
        if (!visibility.slugsVisibleTo(who).test(lab.slug())) throw noLab(labSlug);
        return lab;
    }

    /**
     * A page's heartbeat: the student is on {@code page} (a lab's slug or "playground"). Callers who are
     * not students are told nothing is stored.
     *
     * @return true when stored
     */
    public boolean heartbeat(Person who, String page) {
        InvalidInputException.require(page != null && (page.equals(PLAYGROUND)
                        || labs.find(page).isPresent() && visibility.slugsVisibleTo(who).test(page)),
                "page", "must be \"" + PLAYGROUND + "\" or the slug of a lab you see, was '" + shorten(page) + "'");
        if (who == null || !who.isStudent()) return false;
        long id = Long.parseLong(who.id());
        Instant now = Instant.now();
        // as every instance left it: the student's pages may beat on several instances of the server
        ProgressRepository.Whereabouts before = repository.whereaboutsOf(id).orElse(null);
        repository.onPage(id, page, !page.equals(PLAYGROUND), now);
        present.put(id, new Presence(who.classId(), page, now));
        boolean moved = before == null || !page.equals(before.page()) || !online(before.lastSeenAt(), now);
        if (moved) events.publishEvent(new ClassActivity(who.classId()));
        return true;
    }

    /** True if a student last seen then counts as online now. */
    public boolean online(Instant lastSeen, Instant now) {
        return lastSeen != null && lastSeen.isAfter(now.minus(onlineWindow));
    }

    /** Students whose pages stopped beating went offline: their dashboards are told. */
    void sweep() {
        Instant now = Instant.now();
        present.forEach((id, p) -> {
            if (!online(p.at(), now) && present.remove(id, p)) events.publishEvent(new ClassActivity(p.classId()));
        });
    }

    /** The lab; 404 as well for a lab the student's class does not show, as its page does. */
    private Lab lab(String slug) {
        return labs.find(slug == null ? "" : slug).orElseThrow(() -> noLab(slug));
    }

    private static ResponseStatusException noLab(String slug) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no lab '" + shorten(slug) + "'");
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }

    @Override
    public synchronized void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nnlab-presence");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) sweeper.shutdownNow();
        sweeper = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }
}
