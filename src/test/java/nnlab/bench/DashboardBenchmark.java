package nnlab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nnlab.NnlabApplication;
import nnlab.classroom.ClassService;
import nnlab.classroom.Classroom;
import nnlab.classroom.dashboard.ClassDashboard;
import nnlab.classroom.progress.ProgressRepository;
import nnlab.engine.StopReason;
import nnlab.identity.Person;
import nnlab.identity.Student;
import nnlab.identity.StudentRepository;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobRecord;
import nnlab.jobs.JobRepository;
import nnlab.jobs.JobSpec;
import nnlab.jobs.JobStatus;
import nnlab.jobs.MetricsView;
import nnlab.labs.Lab;
import nnlab.labs.LabCatalog;
import nnlab.labs.LabQuestion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What one push of a big class's dashboard costs: a class of {@code students} (default 300) who each
 * visited every lab, answered every question twice and ran three jobs, in the embedded database; then
 * the dashboard is put together and serialised again and again, as {@code DashboardUpdates} does at most
 * twice a second per busy class. Prints name=value lines; run on purpose (README, "Benchmarks"):
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=nnlab.bench.DashboardBenchmark}
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NnlabApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn",
                        "spring.datasource.url=jdbc:h2:mem:dashboard-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run();
        try {
            Classroom c = fill(app, students);
            ClassDashboard dashboard = app.getBean(ClassDashboard.class);
            ObjectMapper json = app.getBean(ObjectMapper.class);
            int bytes = 0;
            for (int i = 0; i < 10; i++) bytes = json.writeValueAsBytes(dashboard.view(c.id())).length;
            double[] millis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                bytes = json.writeValueAsBytes(dashboard.view(c.id())).length;
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(millis);
            System.out.println("dashboard_students=" + students);
            System.out.println("dashboard_answers=" + app.getBean(ProgressRepository.class).answers(c.id()).size());
            System.out.printf("dashboard_ms_median=%.1f%n", millis[rounds / 2]);
            System.out.printf("dashboard_ms_p99=%.1f%n", millis[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)]);
            System.out.println("dashboard_json_bytes=" + bytes);
        } finally {
            app.close();
        }
    }

    private static Classroom fill(ConfigurableApplicationContext app, int count) throws Exception {
        Classroom c = app.getBean(ClassService.class).create("benchmark class");
        StudentRepository students = app.getBean(StudentRepository.class);
        ProgressRepository progress = app.getBean(ProgressRepository.class);
        JobRepository jobs = app.getBean(JobRepository.class);
        List<Lab> labs = app.getBean(LabCatalog.class).current().labs();
        JobSpec spec = app.getBean(ObjectMapper.class).readValue("""
                {"dataset": {"name": "playground", "kind": "spiral"},
                 "model": {"layers": [{"units": 8, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]},
                 "training": {"epochs": 50}, "seed": 1}""", JobSpec.class);
        Instant now = Instant.now();
        List<Student> roster = new ArrayList<>();
        for (int s = 0; s < count; s++) roster.add(students.insert(c.id(), "student " + s));
        for (Student s : roster) {
            for (Lab lab : labs) {
                progress.onPage(s.id(), lab.slug(), true, now);
                for (LabQuestion q : lab.questions()) {
                    String wrong = q.isChoice() ? "0" : "1";
                    String right = q.isChoice() ? String.valueOf(q.rightChoice()) : String.valueOf(q.number());
                    for (String given : List.of(wrong, right)) {
                        LabQuestion.Checked checked = q.check(given).orElseThrow();
                        progress.insertAnswer(c.id(), new ProgressRepository.Answer(s.id(), lab.slug(), q.id(),
                                checked.answer(), checked.correct(), now));
                    }
                }
            }
            for (int j = 0; j < 3; j++) {
                String id = UUID.randomUUID().toString();
                jobs.insert(new JobRecord(id, Person.studentKey(s.id()), spec, JobStatus.QUEUED, 50, 2, 0, null, null,
                        now, null, null), c.id());
                MetricsView m = new MetricsView(0.3, 0.9, null, null);
                jobs.insertEpochs(id, List.of(new JobMessage.Epoch(id, 50, 50, 20, m, null, m, 0.01, 0.5, null, 0.03,
                        JobStatus.SUCCEEDED, StopReason.COMPLETED, null, null)));
                jobs.updateStatus(id, JobStatus.SUCCEEDED, 50, StopReason.COMPLETED, null);
            }
        }
        return c;
    }
}
