package nnlab.classroom.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nnlab.classroom.ClassActivity;
import nnlab.classroom.ClassLabVisibility;
import nnlab.classroom.ClassRepository;
import nnlab.classroom.Classroom;
import nnlab.classroom.ClassroomProperties;
import nnlab.classroom.progress.ProgressRepository;
import nnlab.classroom.progress.ProgressService;
import nnlab.identity.Student;
import nnlab.identity.StudentRepository;
import nnlab.jobs.JobHistory;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobRepository;
import nnlab.jobs.JobStatus;
import nnlab.labs.LabCatalog;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/**
 * The dashboard's data without a server: answers, visits and pages read back by a new set of services
 * on the same database (a restart), and pushes coalesced to one per class however many changes came.
 */
class ClassDashboardDataTest {

    private DataSource database;
    private final List<ClassActivity> events = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dashboard-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        database = ds;
    }

    /** The services as a start of the server makes them, over the same database. */
    private record Server(ProgressService progress, ClassDashboard dashboard, LiveJobs live,
                          ClassRepository classes, StudentRepository students) {
    }

    private Server start() {
        JdbcClient jdbc = JdbcClient.create(database);
        ClassroomProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("nnlab.classroom", ClassroomProperties.class);
        LabCatalog labs = new LabCatalog(Path.of("notebooks-content"));
        ClassRepository classes = new ClassRepository(jdbc);
        StudentRepository students = new StudentRepository(jdbc);
        ProgressRepository repository = new ProgressRepository(jdbc);
        ProgressService progress = new ProgressService(labs, new ClassLabVisibility(classes), repository,
                e -> events.add((ClassActivity) e), properties);
        LiveJobs live = new LiveJobs();
        ClassDashboard dashboard = new ClassDashboard(classes, students, repository, progress,
                new JobHistory(new JobRepository(jdbc, new JdbcTemplate(database), json)), live, labs);
        return new Server(progress, dashboard, live, classes, students);
    }

    @Test
    void answersVisitsAndPagesSurviveARestart() {
        Server first = start();
        Classroom c = first.classes().insert("restart", "ACDEFG");
        Student ann = first.students().insert(c.id(), "Ann");
        first.progress().heartbeat(ann.person(), "04-xor");
        first.progress().heartbeat(ann.person(), "01-gradient-descent");
        first.progress().answer(ann.person(), "01-gradient-descent", "q1", "0");
        first.progress().answer(ann.person(), "01-gradient-descent", "q1", "2");
        assertThat(events).extracting(ClassActivity::classId).containsOnly(c.id()).hasSize(4);

        Server second = start();
        DashboardView view = second.dashboard().view(c.id());
        DashboardView.StudentRow row = view.students().get(0);
        assertThat(row.name()).isEqualTo("Ann");
        assertThat(row.page()).isEqualTo("01-gradient-descent");
        assertThat(row.labsVisited()).containsExactly("04-xor", "01-gradient-descent");
        assertThat(row.questionsRight()).isEqualTo(1);
        assertThat(row.answers()).isEqualTo(2);
        DashboardView.QuestionStats q1 = view.questions().stream()
                .filter(q -> q.lab().equals("01-gradient-descent") && q.question().equals("q1")).findFirst().orElseThrow();
        assertThat(q1.shareRight()).isEqualTo(1.0);
        assertThat(q1.commonWrong()).containsExactly(new DashboardView.WrongAnswer("1e-6", 1));
    }

    @Test
    void aStudentsAnswersToOneQuestionAreKeptUpToTheLimitThenOnlyChecked() {
        Server server = start();
        Classroom c = server.classes().insert("limit", "ACDEFJ");
        Student ann = server.students().insert(c.id(), "Ann");
        for (int i = 0; i < ProgressService.MAX_KEPT_ANSWERS; i++) {
            assertThat(server.progress().answer(ann.person(), "04-xor", "q2", "0").stored()).isTrue();
        }
        ProgressService.Verdict late = server.progress().answer(ann.person(), "04-xor", "q2", "1");
        assertThat(late.correct()).isTrue();
        assertThat(late.stored()).isFalse();
        assertThat(server.progress().answer(ann.person(), "04-xor", "q1", "0").stored()).isTrue();
        assertThat(server.dashboard().view(c.id()).students().get(0).answers())
                .isEqualTo(ProgressService.MAX_KEPT_ANSWERS + 1);
    }

    @Test
    void manyChangesOfAClassArePushedOnceAndNothingWhenNothingChanged() throws Exception {
        Server server = start();
        Classroom c = server.classes().insert("busy", "ACDEFH");
        Student ann = server.students().insert(c.id(), "Ann");
        Student bob = server.students().insert(c.id(), "Bob");
        List<Message<?>> sent = new ArrayList<>();
        SimpMessagingTemplate stomp = new SimpMessagingTemplate((message, timeout) -> sent.add(message));
        ClassroomProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("nnlab.classroom", ClassroomProperties.class);
        DashboardUpdates updates = new DashboardUpdates(server.dashboard(), server.students(), stomp, json, properties);

        for (int epoch = 1; epoch <= 50; epoch++) {
            for (Student s : List.of(ann, bob)) {
                JobMessage.Status status = new JobMessage.Status("job-" + s.id(), JobStatus.RUNNING, epoch, 100, null,
                        null, null);
                server.live().jobChanged(s.person().ownerKey(), status);
                updates.jobChanged(s.person().ownerKey(), status);
            }
        }
        updates.classChanged(new ClassActivity(c.id()));
        updates.jobChanged("anonymous:127.0.0.1", new JobMessage.Status("other", JobStatus.RUNNING, 1, 2, null, null,
                null));
        updates.send();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeaders().get("simpDestination")).isEqualTo("/topic/classes/" + c.id());
        DashboardView pushed = json.readValue((byte[]) sent.get(0).getPayload(), DashboardView.class);
        assertThat(pushed.students()).extracting(DashboardView.StudentRow::name).containsExactly("Ann", "Bob");
        updates.send();
        assertThat(sent).hasSize(1);
    }
}
