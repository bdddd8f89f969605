package nnlab.classroom.challenge;

import jakarta.annotation.PostConstruct;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.classroom.ClassService;
import nnlab.classroom.challenge.ChallengeRepository.Stored;
import nnlab.classroom.challenge.ChallengeRepository.Submission;
import nnlab.data.DatasetSpec;
import nnlab.identity.Person;
import nnlab.identity.Student;
import nnlab.identity.StudentRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Opening and closing challenges, who sees them, and the leaderboard. Submissions are {@link ChallengeJudge}'s.
 * Everything a caller gets is a {@link Challenge}, a {@link Leaderboard} or their own submissions' scores.
 */
@Service
public class ChallengeService {

    private final ChallengeRepository repository;
    private final ClassService classes;
    private final StudentRepository students;
    private final ChallengeJudge judge;
    private final ChallengeUpdates updates;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** One lock per student: their submissions are counted and stored one at a time. */
    private final Map<Long, Object> studentLocks = new ConcurrentHashMap<>();

    ChallengeService(ChallengeRepository repository, ClassService classes, StudentRepository students,
                     ChallengeJudge judge, ChallengeUpdates updates) {
        this.repository = repository;
        this.classes = classes;
        this.students = students;
        this.judge = judge;
        this.updates = updates;
        this.clock = Clock.systemUTC();
    }

    /** Keeps every challenge's hidden rows out of its data again after a restart, before any job runs. */
    @PostConstruct
    void holdOutHiddenRows() {
        for (Stored s : repository.all()) HiddenSet.holdOut(s.challenge().dataset(), s.hiddenSeed());
    }

    public Challenge open(long classId, NewChallenge request) {
        classes.get(classId);
        String title = ChallengeRules.title(request.title());
        DatasetSpec data = ChallengeRules.data(request.dataset(), publicSeed());
        String metric = ChallengeRules.metric(request.metric(), ChallengeRules.task(data));
        long maxParameters = ChallengeRules.maxParameters(request.maxParameters());
        int maxEpochs = ChallengeRules.maxEpochs(request.maxEpochs());
        int maxSubmissions = ChallengeRules.maxSubmissions(request.maxSubmissions());
        Instant deadline = ChallengeRules.deadline(request.deadline(), clock.instant());
        long hiddenSeed = random.nextLong();
        // held out before anyone learns the public seed, so that no job ever trains on these rows
        HiddenSet.holdOut(data, hiddenSeed);
        long id = repository.insert(classId, title, data, hiddenSeed, HiddenSet.sizeOf(data), metric, maxParameters,
                maxEpochs, maxSubmissions, deadline, Boolean.TRUE.equals(request.showNames()));
        return stored(id).challenge();
    }

    /** A seed the pages' JavaScript numbers hold exactly (at most 2^53 − 1), so a spec built in a page keeps it. */
    private long publicSeed() {
        return 1 + random.nextLong(MAX_SAFE_INTEGER);
    }

    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    public List<Challenge> inClass(long classId) {
        classes.get(classId);
        return repository.inClass(classId).stream().map(Stored::challenge).toList();
    }

    /** The challenge, for an instructor or a student of its class; 404 for anyone else (it is not theirs to know of). */
    public Challenge get(long id, Person who) {
        return visible(id, who).challenge();
    }

    /** The challenges of the caller's class (a student's), the newest first; an instructor gets none here. */
    public List<Challenge> forStudent(Person who) {
        requireSignedIn(who);
        if (!who.isStudent()) return List.of();
        return repository.inClass(who.classId()).stream().map(Stored::challenge).toList();
    }

    public Challenge close(long classId, long id) {
        Stored s = stored(id);
        if (s.challenge().classId() != classId) throw ChallengeRefusedException.notFound(id);
        repository.close(id);
        Stored closed = stored(id);
        updates.publish(closed.challenge(), board(closed));
        return closed.challenge();
    }

    public Leaderboard leaderboard(long id, Person who) {
        return board(visible(id, who));
    }

    /** A student's own submissions and how many are left; for others, an empty list and the full allowance. */
    public Standing standing(long id, Person who) {
        Stored s = visible(id, who);
        Challenge c = s.challenge();
        if (!who.isStudent()) return new Standing(null, List.of(), c.maxSubmissions());
        long student = Long.parseLong(who.id());
        List<Standing.Scored> mine = repository.submissions(id, student).stream()
                .map(x -> new Standing.Scored(x.jobId(), x.score(), x.parameters(), x.epochs(), x.submittedAt()))
                .toList();
        String name = c.showNames() ? who.displayName() : Pseudonyms.of(s.hiddenSeed(), student);
        return new Standing(name, mine, Math.max(0, c.maxSubmissions() - mine.size()));
    }

    /** Scores a finished job of the student's on the hidden set and puts it on the board. */
    public Standing submit(long id, Person who, String jobId) {
        Stored s = visible(id, who);
        Challenge c = s.challenge();
        if (!who.isStudent()) {
            throw new ChallengeRefusedException(HttpStatus.FORBIDDEN, "Students only",
                    "only the students of the class submit to a challenge");
        }
        long student = Long.parseLong(who.id());
        synchronized (studentLocks.computeIfAbsent(student, k -> new Object())) {
            Instant now = clock.instant();
            if (c.closed()) {
                throw new ChallengeRefusedException(HttpStatus.CONFLICT, "Challenge closed",
                        "the challenge \u201c" + c.title() + "\u201d is closed: it takes no more submissions");
            }
            if (!now.isBefore(c.deadline())) {
                throw new ChallengeRefusedException(HttpStatus.CONFLICT, "Deadline passed", "the deadline of the challenge"
                        + " \u201c" + c.title() + "\u201d was " + c.deadline() + ": it takes no more submissions",
                        "deadline", c.deadline(), now);
            }
            int used = repository.submissions(id, student).size();
            if (used >= c.maxSubmissions()) {
                throw new ChallengeRefusedException(HttpStatus.CONFLICT, "No submissions left", "you have used all "
                        + c.maxSubmissions() + " submissions of this challenge", "maxSubmissions", c.maxSubmissions(), used);
            }
            if (jobId != null && repository.submitted(id, jobId)) {
                throw new ChallengeRefusedException(HttpStatus.CONFLICT, "Already submitted",
                        "job " + jobId + " is already on this challenge's board: train another one to improve");
            }
            ChallengeJudge.Verdict v = judge.score(c, s.hiddenSeed(), who, jobId);
            repository.addSubmission(id, student, v.job().id(), v.score(), v.parameters(), v.job().epochsDone(), now);
        }
        updates.publish(c, board(s));
        return standing(id, who);
    }

    /** The instructor's CSV: every student with a submission, best first, with both names. */
    public String csv(long classId, long id) {
        Stored s = stored(id);
        if (s.challenge().classId() != classId) throw ChallengeRefusedException.notFound(id);
        nnlab.classroom.dashboard.Csv csv = new nnlab.classroom.dashboard.Csv()
                .row("rank", "student_id", "display_name", "pseudonym", "best_" + s.challenge().metric(),
                        "best_job", "best_submitted_at", "submissions");
        for (Ranked r : ranked(s)) {
            csv.row(r.rank(), r.student().id(), r.student().displayName(), Pseudonyms.of(s.hiddenSeed(), r.student().id()),
                    r.best().score(), r.best().jobId(), r.best().submittedAt().toString(), r.submissions());
        }
        return csv.toString();
    }

    /** A student's own view of a challenge: their name on the board, their submissions, how many are left. */
    public record Standing(String name, List<Scored> submissions, int remaining) {
        public record Scored(String jobId, double score, long parameters, int epochs, Instant submittedAt) {
        }
    }

    private record Ranked(int rank, Student student, Submission best, int submissions) {
    }

    private Leaderboard board(Stored s) {
        Challenge c = s.challenge();
        List<Leaderboard.Entry> entries = ranked(s).stream().map(r -> new Leaderboard.Entry(r.rank(),
                c.showNames() ? r.student().displayName() : Pseudonyms.of(s.hiddenSeed(), r.student().id()),
                r.best().score(), r.best().submittedAt(), r.submissions())).toList();
        return new Leaderboard(c.id(), c.title(), c.metric(), c.higherIsBetter(), c.deadline(), c.closed(), entries,
                clock.instant());
    }

    /** Best per student (an equal later score does not replace an earlier one), best first, ties by time. */
    private List<Ranked> ranked(Stored s) {
        Challenge c = s.challenge();
        Map<Long, Submission> best = new LinkedHashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        for (Submission x : repository.submissions(c.id())) {
            counts.merge(x.studentId(), 1, Integer::sum);
            Submission b = best.get(x.studentId());
            if (b == null || better(c, x.score(), b.score())) best.put(x.studentId(), x);
        }
        Comparator<Submission> byScore = Comparator.comparingDouble(Submission::score);
        if (c.higherIsBetter()) byScore = byScore.reversed();
        List<Submission> order = new ArrayList<>(best.values());
        order.sort(byScore.thenComparing(Submission::submittedAt).thenComparingLong(Submission::id));
        Map<Long, Student> byId = new HashMap<>();
        students.inClass(c.classId()).forEach(st -> byId.put(st.id(), st));
        List<Ranked> ranked = new ArrayList<>();
        for (Submission b : order) {
            Student st = byId.get(b.studentId());
            if (st != null) ranked.add(new Ranked(ranked.size() + 1, st, b, counts.get(b.studentId())));
        }
        return ranked;
    }

    private static boolean better(Challenge c, double score, double than) {
        return c.higherIsBetter() ? score > than : score < than;
    }

    private static void requireSignedIn(Person who) {
        if (who == null || !who.authenticated()) {
            throw new ChallengeRefusedException(HttpStatus.UNAUTHORIZED, "Sign in",
                    "challenges are for the students of a class and their instructor: join the class or sign in");
        }
    }

    private Stored stored(long id) {
        return repository.find(id).orElseThrow(() -> ChallengeRefusedException.notFound(id));
    }

    /**
     * Instructors see every challenge, a student those of their class: another class's student is refused (403),
     * a caller who has not joined or signed in is asked to (401).
     */
    private Stored visible(long id, Person who) {
        requireSignedIn(who);
        Stored s = stored(id);
        boolean member = who.isInstructor()
                || who.isStudent() && who.classId() != null && who.classId() == s.challenge().classId();
        if (!member) {
            throw new ChallengeRefusedException(HttpStatus.FORBIDDEN, "Another class's challenge",
                    "challenge " + id + " belongs to another class");
        }
        return s;
    }
}
