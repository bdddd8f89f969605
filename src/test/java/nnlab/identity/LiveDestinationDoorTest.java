package nnlab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.web.LiveDestination;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.messaging.simp.stomp.StompCommand;

/**
 * The door for live destinations, without a server: destinations generated from the grammar with every
 * pattern character and encoding trick put in every position, each tried by the job's owner, another student,
 * an instructor and an anonymous caller. Only the exact destinations parse, and only their rightful
 * subscribers get through.
 */
class LiveDestinationDoorTest {

    private static final String JOB = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String UNKNOWN_JOB = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final long CLASS = 7;
    private static final String OWNER_KEY = Person.studentKey(1);
    private static final long CHALLENGE = 9;
    private static final long OTHER_CLASS = 8;

    private static final Map<String, Person> IDENTITIES = new LinkedHashMap<>();

    static {
        IDENTITIES.put("owner", Person.student(1, "Alice", CLASS));
        IDENTITIES.put("other student", Person.student(2, "Bob", CLASS));
        IDENTITIES.put("instructor", Person.instructor("teacher"));
        IDENTITIES.put("anonymous", Person.anonymous("203.0.113.9"));
        IDENTITIES.put("student of another class", Person.student(3, "Cid", OTHER_CLASS));
    }

    private static final List<String> VALID = List.of("/topic/jobs/" + JOB, "/app/jobs/" + JOB, "/topic/classes/" + CLASS,
            "/topic/classes/" + CLASS + "/challenges/" + CHALLENGE,
            "/topic/quiz/" + CLASS, "/topic/quiz/" + CLASS + "/answers");

    /** Pattern characters (Ant, STOMP brokers' own), encodings, separators, controls and look-alikes. */
    private static final List<String> HOSTILE = List.of("*", "**", "?", "{", "}", "{id}", "#", "+", ">", "%", "%2F",
            "%2f", "%2A", "\\", "..", "/..", "./", "//", "/", ";", ";x=1", " ", "\t", "\n", "\r", "\u0000", "\u007f",
            "\u00a0", "é", "\u2215", "\uff0f", "\u0130", "\ud83d\ude00", "A", "F", "-", ".", ":", "~");

    private static final Set<String> LOOKED_UP = new LinkedHashSet<>();
    private static final Map<String, Integer> CASES_PER_IDENTITY = new LinkedHashMap<>();

    private final StompAccess access = new StompAccess(null, null) {
        @Override
        String ownerOf(String jobId) {
            synchronized (LOOKED_UP) {
                LOOKED_UP.add(jobId);
            }
            if (jobId.equals(JOB)) return OWNER_KEY;
            throw new JobNotFoundException(jobId);
        }
    };

    /** Every destination made by inserting or putting a hostile token in place of a character, at every position. */
    static Set<String> mutations() {
        Set<String> all = new LinkedHashSet<>();
        for (String valid : VALID) {
            for (String token : HOSTILE) {
                for (int i = 0; i <= valid.length(); i++) {
                    all.add(valid.substring(0, i) + token + valid.substring(i));
                    if (i < valid.length()) all.add(valid.substring(0, i) + token + valid.substring(i + 1));
                }
            }
            for (int i = 0; i < valid.length(); i++) all.add(valid.substring(0, i)); // every truncation
            all.add(valid + "/");
            all.add(valid.toUpperCase());
            all.add(" " + valid);
        }
        all.addAll(List.of("/topic/**", "/topic/*", "/topic/*/1", "/topic/*/*", "/topic/**/*", "/topic/jobs/*",
                "/topic/jobs/**", "/topic/jobs/" + JOB.substring(0, 8) + "*", "/topic/jobs/" + JOB.substring(0, 8) + "**",
                "/topic/jobs/{id}", "/topic/classes/*", "/topic/classes/**", "/topic/classes/{id}", "/topic/classes/?",
                "/topic/>", "/topic/#", "/topic/jobs.*", "/topic/jobs/" + JOB.replace("-", ""),
                "/topic/jobs/{" + JOB + "}", "/topic/jobs/" + JOB + "/" + JOB, "/topic/jobs/" + JOB + "/epochs",
                "/topic/classes/0", "/topic/classes/00", "/topic/classes/007", "/topic/classes/-1", "/topic/classes/+7",
                "/topic/classes/7.0", "/topic/classes/0x7", "/topic/classes/9223372036854775808",
                "/topic/classes/99999999999999999999", "/topic/classes/\u0667", "/topic/classes/" + JOB,
                "/topic/jobs/" + CLASS, "/app/**", "/app/*", "/app/jobs/*", "/app/jobs/**", "/app/jobs/{id}",
                "/app/classes/" + CLASS, "/topic/app/jobs/" + JOB, "/user/**", "/user/queue/errors",
                "/user/teacher/topic/classes/" + CLASS, "/user/student:1/topic/jobs/" + JOB, "/queue/**",
                "/queue/jobs/" + JOB, "/exchange/amq.topic/jobs." + JOB, "/amq/queue/x", "/temp-queue/x",
                "/topic/jobs/%2A", "/topic/%2A%2A", "/topic/jobs/..%2F..%2Fclasses%2F7", "/topic/./jobs/" + JOB,
                "/topic/jobs/../classes/" + CLASS, "topic/jobs/" + JOB, "//topic/jobs/" + JOB, "", " ", "/", "*", "**",
                "/topic/classes/" + CLASS + "/challenges", "/topic/classes/" + CLASS + "/challenges/",
                "/topic/classes/" + CLASS + "/challenges/*", "/topic/classes/" + CLASS + "/challenges/**",
                "/topic/classes/*/challenges/" + CHALLENGE, "/topic/classes/**/challenges/" + CHALLENGE,
                "/topic/classes/" + CLASS + "/challenges/0", "/topic/classes/" + CLASS + "/challenges/09",
                "/topic/classes/" + CLASS + "/challenges/" + CHALLENGE + "/x", "/topic/challenges/" + CHALLENGE,
                "/topic/classes/" + CLASS + "/challenges/" + JOB, "/app/classes/" + CLASS + "/challenges/" + CHALLENGE));
        VALID.forEach(all::remove);
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyOtherShapeIsRefusedBeforeAnyLookup() {
        Set<String> destinations = mutations();
        assertThat(destinations).hasSizeGreaterThan(5000);
        return destinations.stream().map(d -> DynamicTest.dynamicTest(visible(d), () -> {
            assertThat(LiveDestination.parse(d)).as("parsed %s", visible(d)).isEmpty();
            SoftAssertions soft = new SoftAssertions();
            IDENTITIES.forEach((name, who) -> {
                for (StompCommand command : List.of(StompCommand.SUBSCRIBE, StompCommand.SEND, StompCommand.UNSUBSCRIBE,
                        StompCommand.MESSAGE)) {
                    String refusal = access.refusal(command, who, d);
                    soft.assertThat(refusal).as("%s %s %s", name, command, visible(d)).isNotNull();
                    if (command != StompCommand.MESSAGE) {
                        soft.assertThat(refusal).as("%s %s %s", name, command, visible(d)).isEqualTo(StompAccess.NOT_LITERAL);
                    }
                }
                count(name);
            });
            soft.assertAll();
        }));
    }

    @Test
    void theExactDestinationsGoToTheirRightfulSubscribersOnly() {
        String topic = "/topic/jobs/" + JOB;
        String snapshot = "/app/jobs/" + JOB;
        String dashboard = "/topic/classes/" + CLASS;
        String board = "/topic/classes/" + CLASS + "/challenges/" + CHALLENGE;
        String quiz = "/topic/quiz/" + CLASS;
        String quizAnswers = "/topic/quiz/" + CLASS + "/answers";
        Map<String, List<String>> maySubscribe = Map.of(
                topic, List.of("owner", "instructor"),
                snapshot, List.of("owner", "instructor"),
                dashboard, List.of("instructor"),
                board, List.of("owner", "other student", "instructor"),
                quiz, List.of("owner", "other student", "instructor"),
                quizAnswers, List.of("instructor"));
        SoftAssertions soft = new SoftAssertions();
        IDENTITIES.forEach((name, who) -> {
            maySubscribe.forEach((destination, allowed) -> {
                String refusal = access.refusal(StompCommand.SUBSCRIBE, who, destination);
                if (allowed.contains(name)) soft.assertThat(refusal).as("%s SUBSCRIBE %s", name, destination).isNull();
                else soft.assertThat(refusal).as("%s SUBSCRIBE %s", name, destination).containsAnyOf("is not yours", "only instructors",
                        "only the class's students and instructors", "only the students of class " + CLASS);
                // nobody publishes on a topic or sends a server's frame
                soft.assertThat(access.refusal(StompCommand.MESSAGE, who, destination)).as("%s MESSAGE %s", name, destination)
                        .isEqualTo("clients cannot send MESSAGE frames");
                count(name);
            });
            soft.assertThat(access.refusal(StompCommand.SEND, who, topic)).as("%s SEND topic", name).contains("only the server publishes");
            soft.assertThat(access.refusal(StompCommand.SEND, who, dashboard)).as("%s SEND dashboard", name).contains("only the server publishes");
            soft.assertThat(access.refusal(StompCommand.SEND, who, board)).as("%s SEND board", name).contains("only the server publishes");
            soft.assertThat(access.refusal(StompCommand.SEND, who, quiz)).as("%s SEND quiz", name).contains("only the server publishes");
            soft.assertThat(access.refusal(StompCommand.SEND, who, quizAnswers)).as("%s SEND quiz answers", name)
                    .contains("only the server publishes");
            soft.assertThat(access.refusal(StompCommand.SEND, who, snapshot)).as("%s SEND snapshot", name)
                    .satisfies(r -> assertThat(r == null).isEqualTo(List.of("owner", "instructor").contains(name)));
            // an id no job has: let through, nothing is ever published there and the snapshot says so
            soft.assertThat(access.refusal(StompCommand.SUBSCRIBE, who, "/topic/jobs/" + UNKNOWN_JOB)).as("%s unknown job", name).isNull();
            soft.assertThat(access.refusal(StompCommand.SUBSCRIBE, who, null)).as("%s no destination", name).contains("required");
            soft.assertThat(access.refusal(StompCommand.UNSUBSCRIBE, who, null)).as("%s UNSUBSCRIBE", name).isNull();
            soft.assertThat(access.refusal(StompCommand.DISCONNECT, who, null)).as("%s DISCONNECT", name).isNull();
            for (StompCommand server : List.of(StompCommand.ERROR, StompCommand.RECEIPT, StompCommand.CONNECTED)) {
                soft.assertThat(access.refusal(server, who, null)).as("%s %s", name, server).isNotNull();
            }
            count(name);
        });
        soft.assertThat(access.refusal(StompCommand.SUBSCRIBE, null, topic)).as("no person").contains("is not yours");
        soft.assertThat(access.refusal(StompCommand.SUBSCRIBE, null, dashboard)).as("no person").contains("only instructors");
        soft.assertThat(access.refusal(StompCommand.SUBSCRIBE, null, board)).as("no person")
                .contains("only the class's students and instructors");
        soft.assertThat(access.refusal(StompCommand.SUBSCRIBE, null, quiz)).as("no person").contains("only the students");
        soft.assertThat(access.refusal(StompCommand.SUBSCRIBE, null, quizAnswers)).as("no person").contains("only instructors");
        soft.assertAll();
    }

    @Test
    void parsingGivesBackTheSameDestination() {
        for (String valid : VALID) {
            assertThat(LiveDestination.parse(valid)).get().extracting(LiveDestination::destination).isEqualTo(valid);
        }
        assertThat(LiveDestination.parse("/topic/classes/9223372036854775807")).get()
                .isEqualTo(new LiveDestination.ClassTopic(Long.MAX_VALUE));
        assertThat(LiveDestination.parse("/app/jobs/" + JOB)).contains(new LiveDestination.JobSnapshot(JOB));
        assertThat(LiveDestination.parse("/topic/classes/" + CLASS + "/challenges/" + CHALLENGE))
                .contains(new LiveDestination.ChallengeTopic(CLASS, CHALLENGE));
        assertThat(LiveDestination.parse("/topic/classes/1/challenges/9223372036854775808")).isEmpty();
        assertThat(LiveDestination.parse("/topic/quiz/" + CLASS)).contains(new LiveDestination.QuizTopic(CLASS));
        assertThat(LiveDestination.parse("/topic/quiz/" + CLASS + "/answers")).contains(new LiveDestination.QuizAnswers(CLASS));
    }

    @AfterAll
    static void onlyRealIdsWereLookedUpAndCasesCounted() {
        assertThat(LOOKED_UP).isSubsetOf(JOB, UNKNOWN_JOB);
        System.out.println("live destination cases per identity: " + CASES_PER_IDENTITY);
    }

    private static void count(String identity) {
        synchronized (CASES_PER_IDENTITY) {
            CASES_PER_IDENTITY.merge(identity, 1, Integer::sum);
        }
    }

    /** The destination with controls and non-ASCII written as escapes, so that a failure names it readably. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\u%04x", c)));
        return b.append("'").toString();
    }
}
