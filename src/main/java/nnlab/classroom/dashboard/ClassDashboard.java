package nnlab.classroom.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnlab.classroom.ClassRepository;
import nnlab.classroom.Classroom;
import nnlab.classroom.progress.ProgressRepository;
import nnlab.classroom.progress.ProgressService;
import nnlab.identity.Person;
import nnlab.identity.Student;
import nnlab.identity.StudentRepository;
import nnlab.jobs.JobHistory;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobRecord;
import nnlab.jobs.JobStatus;
import nnlab.jobs.MetricsView;
import nnlab.labs.Lab;
import nnlab.labs.LabCatalog;
import nnlab.labs.LabQuestion;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Puts a class's dashboard together from the students, their answers and visits, and their jobs. */
@Service
public class ClassDashboard {

    /** Newest jobs of a class looked at; the queue and each student's recent jobs come from these. */
    static final int JOBS_LOOKED_AT = 500;
    static final int JOBS_PER_STUDENT = 3;
    static final int COMMON_WRONG = 3;

    private final ClassRepository classes;
    private final StudentRepository students;
    private final ProgressRepository progress;
    private final ProgressService presence;
    private final JobHistory jobRecords;
    private final LiveJobs live;
    private final LabCatalog labs;
    /** The last epoch of finished jobs, which never changes: read from the database once. */
    private final Map<String, JobMessage.Epoch> finishedLast = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JobMessage.Epoch> eldest) {
                    return size() > 5000;
                }
            });

    public ClassDashboard(ClassRepository classes, StudentRepository students, ProgressRepository progress,
                          ProgressService presence, JobHistory jobRecords, LiveJobs live, LabCatalog labs) {
        this.classes = classes;
        this.students = students;
        this.progress = progress;
        this.presence = presence;
        this.jobRecords = jobRecords;
        this.live = live;
        this.labs = labs;
    }

    public Classroom classroom(long classId) {
        return classes.find(classId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no class " + classId));
    }

    public DashboardView view(long classId) {
        Classroom classroom = classroom(classId);
        Instant now = Instant.now();
        List<Student> roster = students.inClass(classId);
        Map<Long, String> names = StudentLabels.of(roster);

        Map<Long, ProgressRepository.Whereabouts> where = new HashMap<>();
        progress.whereabouts(classId).forEach(w -> where.put(w.studentId(), w));
        Map<Long, List<String>> visited = new HashMap<>();
        progress.visits(classId).forEach(v -> visited.computeIfAbsent(v.studentId(), k -> new ArrayList<>()).add(v.lab()));
        List<ProgressRepository.Answer> answers = progress.answers(classId);
        Map<Long, List<ProgressRepository.Answer>> answersOf = new HashMap<>();
        answers.forEach(a -> answersOf.computeIfAbsent(a.studentId(), k -> new ArrayList<>()).add(a));
        Map<String, Long> jobsRun = jobRecords.countByOwnerInClass(classId);

        Map<Long, List<DashboardView.JobRow>> recent = new HashMap<>();
        List<DashboardView.JobRow> queue = new ArrayList<>();
        for (JobRecord r : jobRecords.newestInClass(classId, JOBS_LOOKED_AT)) {
            Long student = Person.studentIdOf(r.client());
            if (student == null || !names.containsKey(student)) continue;
            List<DashboardView.JobRow> mine = recent.computeIfAbsent(student, k -> new ArrayList<>());
            boolean active = !r.status().finished();
            if (mine.size() >= JOBS_PER_STUDENT && !active) continue;
            DashboardView.JobRow row = row(r, student, names.get(student));
            if (mine.size() < JOBS_PER_STUDENT) mine.add(row);
            if (!row.status().finished()) queue.add(row);
        }
        queue.sort(Comparator.comparing(DashboardView.JobRow::createdAt));

        List<DashboardView.StudentRow> rows = new ArrayList<>();
        int online = 0;
        for (Student s : roster) {
            ProgressRepository.Whereabouts w = where.get(s.id());
            Instant lastSeen = w == null ? s.lastSeenAt() : w.lastSeenAt();
            boolean on = presence.online(lastSeen, now);
            if (on) online++;
            Set<String> tried = new HashSet<>();
            Set<String> right = new HashSet<>();
            List<ProgressRepository.Answer> given = answersOf.getOrDefault(s.id(), List.of());
            for (ProgressRepository.Answer a : given) {
                tried.add(a.lab() + "/" + a.question());
                if (a.correct()) right.add(a.lab() + "/" + a.question());
            }
            String page = w == null ? null : w.page();
            rows.add(new DashboardView.StudentRow(s.id(), s.displayName(), StudentLabels.tag(s.id()),
                    names.get(s.id()), on, page, title(page), lastSeen,
                    visited.getOrDefault(s.id(), List.of()), right.size(), tried.size(), given.size(),
                    jobsRun.getOrDefault(Person.studentKey(s.id()), 0L), recent.getOrDefault(s.id(), List.of())));
        }
        return new DashboardView(classroom, now, online, rows, questions(classroom, answers), queue);
    }

    private String title(String page) {
        if (page == null) return null;
        if (page.equals(ProgressService.PLAYGROUND)) return "Playground";
        return labs.find(page).map(Lab::title).orElse(page);
    }

    /** Every question of the labs the class sees, with how the class answered it. */
    private List<DashboardView.QuestionStats> questions(Classroom classroom, List<ProgressRepository.Answer> answers) {
        Map<String, List<ProgressRepository.Answer>> byQuestion = new HashMap<>();
        answers.forEach(a -> byQuestion.computeIfAbsent(a.lab() + "/" + a.question(), k -> new ArrayList<>()).add(a));
        List<DashboardView.QuestionStats> stats = new ArrayList<>();
        for (Lab lab : labs.current().labs()) {
            if (!classroom.showsLab(lab.slug())) continue;
            for (LabQuestion q : lab.questions()) {
                Set<Long> answered = new HashSet<>();
                Set<Long> right = new HashSet<>();
                Map<String, Integer> wrong = new HashMap<>();
                for (ProgressRepository.Answer a : byQuestion.getOrDefault(lab.slug() + "/" + q.id(), List.of())) {
                    answered.add(a.studentId());
                    if (a.correct()) right.add(a.studentId());
                    else wrong.merge(a.answer(), 1, Integer::sum);
                }
                List<DashboardView.WrongAnswer> common = wrong.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(COMMON_WRONG).map(e -> new DashboardView.WrongAnswer(e.getKey(), e.getValue())).toList();
                Double share = answered.isEmpty() ? null : right.size() / (double) answered.size();
                stats.add(new DashboardView.QuestionStats(lab.slug(), lab.title(), q.id(), q.text(), answered.size(),
                        right.size(), share, common));
            }
        }
        return stats;
    }

    /** A job with its latest metrics: unfinished jobs' from their messages, finished jobs' last stored epoch. */
    private DashboardView.JobRow row(JobRecord r, long student, String name) {
        JobStatus status = r.status();
        int done = r.epochsDone();
        JobMessage.Epoch last = null;
        if (status.finished()) {
            last = lastOfFinished(r);
        } else {
            LiveJobs.State state = live.state(r.id()).orElse(null);
            if (state != null) {
                status = state.status();
                done = state.epochsDone();
                last = state.last();
            }
        }
        MetricsView train = last == null ? null : last.train();
        return new DashboardView.JobRow(r.id(), student, name, status, done, r.epochs(),
                last == null ? null : last.epoch(), train == null ? null : train.loss(),
                train == null ? null : train.accuracy(), r.createdAt());
    }

    private JobMessage.Epoch lastOfFinished(JobRecord r) {
        if (r.epochsDone() == 0) return null;
        JobMessage.Epoch cached = finishedLast.get(r.id());
        if (cached != null) return cached;
        JobMessage.Epoch last = jobRecords.lastEpoch(r.id(), r.epochs()).orElse(null);
        if (last != null) finishedLast.put(r.id(), last);
        return last;
    }
}
