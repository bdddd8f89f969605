package nnlab.classroom.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nnlab.classroom.ClassActivity;
import nnlab.classroom.ClassroomProperties;
import nnlab.identity.Person;
import nnlab.identity.StudentRepository;
import nnlab.jobs.JobListener;
import nnlab.jobs.JobMessage;
import nnlab.jobs.web.LiveDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Pushes a class's dashboard to {@code /topic/classes/{id}} when something in it changed: a job of one of
 * its students changed status or finished an epoch, a student answered, moved to another page, came online
 * or went away. Changes only mark the class; one thread sends each marked class's whole dashboard at most
 * {@code nnlab.classroom.dashboard-updates-per-second} times a second, however busy the class is, so
 * training threads never wait for it.
 */
@Component
public class DashboardUpdates implements JobListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardUpdates.class);

    private final ClassDashboard dashboard;
    private final StudentRepository students;
    private final SimpMessagingTemplate stomp;
    private final ObjectMapper json;
    private final long periodMillis;
    private final Set<Long> changedClasses = ConcurrentHashMap.newKeySet();
    private final Set<Long> changedStudents = ConcurrentHashMap.newKeySet();
    /** Students' classes: a student never changes class. */
    private final Map<Long, Long> classOf = new ConcurrentHashMap<>();
    private ScheduledExecutorService sender;

    public DashboardUpdates(ClassDashboard dashboard, StudentRepository students, SimpMessagingTemplate stomp,
                            ObjectMapper json, ClassroomProperties properties) {
        this.dashboard = dashboard;
        this.students = students;
        this.stomp = stomp;
        this.json = json;
        this.periodMillis = Math.max(50, Math.round(1000 / properties.dashboardUpdatesPerSecond()));
    }

    public static String topic(long classId) {
        return new LiveDestination.ClassTopic(classId).destination();
    }

    @Override
    public void jobChanged(String owner, JobMessage message) {
        Long student = Person.studentIdOf(owner);
        if (student != null) changedStudents.add(student);
    }

    @EventListener
    public void classChanged(ClassActivity activity) {
        changedClasses.add(activity.classId());
    }

    /** Sends the dashboards of the classes that changed since the last call. */
    void send() {
        for (Long student : drain(changedStudents)) {
            Long classId = classOf.computeIfAbsent(student,
                    id -> students.find(id).map(s -> s.classId()).orElse(null));
            if (classId != null) changedClasses.add(classId);
        }
        for (Long classId : drain(changedClasses)) {
            try {
                byte[] body = json.writeValueAsBytes(dashboard.view(classId));
                SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
                headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
                headers.setLeaveMutable(true);
                stomp.send(topic(classId), MessageBuilder.createMessage(body, headers.getMessageHeaders()));
            } catch (Exception e) {
                log.warn("could not push the dashboard of class {}: {}", classId, e.toString());
            }
        }
    }

    private static List<Long> drain(Set<Long> set) {
        List<Long> taken = new ArrayList<>();
        for (Long id : set) {
            if (set.remove(id)) taken.add(id);
        }
        return taken;
    }

    @Override
    public synchronized void start() {
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nnlab-dashboards");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::send, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sender != null) sender.shutdownNow();
        sender = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return sender != null;
    }
}
