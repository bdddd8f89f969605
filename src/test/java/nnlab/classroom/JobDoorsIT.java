package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nnlab.support.JobEndpoints;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.jobs.ReachableJob;
import nnlab.identity.Person;
import nnlab.identity.PersonAuthentication;
import nnlab.jobs.web.JobStompController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of one job that the OpenAPI document lists, on the server that lets anonymous callers use
 * the API: who is let in to a student's job and to an anonymous caller's, and who is refused.
 */
class JobDoorsIT extends LiveServer {

    @Autowired
    JobStompController stomp;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void aStudentsJobIsForTheStudentAndTheInstructorOnly() {
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).header("Location")).endsWith("/instructor");
        Api.Response made = teacher.post("/api/classes", "{\"name\": \"one door\"}");
        String code = made.json().get("code").asText();
        Visitor ann = new Visitor(port);
        Visitor ben = new Visitor(port);
        assertThat(ann.join(code, "Ann").status()).isEqualTo(302);
        assertThat(ben.join(code, "Ben").status()).isEqualTo(302);
        String job = ann.submit(Specs.spiral(2, null));
        ann.awaitSucceeded(job);

        JobEndpoints doors = new JobEndpoints(port);
        // an anonymous caller is let through to the API, and refused by the job's door itself
        List<JobEndpoints.Endpoint> walked = doors.walk(job, ann, ben, teacher, 401, "belongs to a signed-in user");
        System.out.printf("[job doors, anonymous API on] %d endpoints: %s%n", walked.size(),
                walked.stream().map(JobEndpoints.Endpoint::name).toList());

        // the STOMP snapshot goes through the same door, with the WebSocket session's caller
        long classId = made.json().get("id").asLong();
        JsonNode students = teacher.get("/api/classes/" + classId + "/students").json();
        Person annAsStudent = Person.student(idOf(students, "Ann"), "Ann", classId);
        Person benAsStudent = Person.student(idOf(students, "Ben"), "Ben", classId);
        JobStompController.Snapshot own = stomp.snapshot(job, new PersonAuthentication(annAsStudent));
        assertThat(own.error()).isNull();
        assertThat(own.status().status().name()).isEqualTo("SUCCEEDED");
        assertThat(own.history()).hasSize(2);
        assertThat(stomp.snapshot(job, new PersonAuthentication(Person.instructor(INSTRUCTOR))).history()).hasSize(2);
        for (Principal intruder : new Principal[] {new PersonAuthentication(benAsStudent), Person.anonymous("x"), null}) {
            JobStompController.Snapshot refused = stomp.snapshot(job, intruder);
            assertThat(refused.error()).as("%s", intruder).contains("job " + job);
            assertThat(refused.status()).isNull();
            assertThat(refused.history()).isEmpty();
        }

        String unknown = UUID.randomUUID().toString();
        for (JobEndpoints.Endpoint e : walked) {
            Api.Response r = doors.call(e, unknown, ann);
            assertThat(r.status()).as(e.name()).isEqualTo(404);
            if (!e.streams()) assertThat(r.header("Content-Type")).as(e.name()).startsWith("application/problem+json");
        }
    }

    /** Also a handler the document leaves out (a hidden one) must take its job through the door. */
    @Test
    void everyHandlerOfOneJobTakesItThroughTheDoorAndIsInTheDocument() {
        Set<String> handled = new TreeSet<>();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            for (String path : mapping.getPatternValues()) {
                if (!path.startsWith("/api/jobs/")) continue;
                if (JobEndpoints.NOT_ONE_JOB.contains(path)) {
                    assertThat(handler.getMethodParameters()).as("%s names no job", handler)
                            .noneMatch(p -> p.getParameterType() == ReachableJob.class);
                    continue;
                }
                assertThat(path).as("%s", handler).matches("/api/jobs/\\{id}(/.*)?");
                assertThat(handler.getMethodParameters()).as("%s", handler)
                        .anyMatch(p -> p.getParameterType() == ReachableJob.class);
                assertThat(handler.getMethodParameters()[0].getParameterType()).as("%s takes the job first", handler)
                        .isEqualTo(ReachableJob.class);
                mapping.getMethodsCondition().getMethods().forEach(m -> handled.add(m + " " + path));
            }
        });
        Set<String> listed = new TreeSet<>();
        new JobEndpoints(port).listed().forEach(e -> listed.add(e.name()));
        assertThat(handled).containsAll(JobEndpoints.KNOWN).isEqualTo(listed);
    }

    @Test
    void anAnonymousCallersJobIsForAnyoneWithItsId() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"open door\"}").json().get("code").asText();
        Visitor cid = new Visitor(port);
        assertThat(cid.join(code, "Cid").status()).isEqualTo(302);
        Api script = new Api(port);
        String job = script.submit(Specs.spiral(2, null), "a-script");
        script.awaitFinished(job, java.time.Duration.ofSeconds(60));

        JobEndpoints doors = new JobEndpoints(port);
        for (JobEndpoints.Endpoint e : doors.listed()) {
            JobEndpoints.assertLetIn(doors.call(e, job, cid), e);
            JobEndpoints.assertLetIn(doors.call(e, job, null), e);
        }
    }

    private static long idOf(JsonNode students, String displayName) {
        for (JsonNode s : students) {
            if (s.get("displayName").asText().equals(displayName)) return s.get("id").asLong();
        }
        throw new AssertionError(displayName + " is not among " + students);
    }
}
