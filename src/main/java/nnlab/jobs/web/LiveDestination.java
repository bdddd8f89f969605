package nnlab.jobs.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only STOMP destinations there are: a job's live topic, a job's snapshot, a class's dashboard topic, a
 * class's challenge's leaderboard topic, a class's quiz topic and its quiz answers' topic, each naming one job,
 * class or challenge literally. Every check of a destination is made on a parsed value, so a pattern
 * ({@code /topic/**}), an encoding trick or an id the server never made cannot reach the broker.
 */
public sealed interface LiveDestination {

    /** The grammar, as told to clients whose destination is refused. */
    String GRAMMAR = "/topic/jobs/{job id}, /app/jobs/{job id}, /topic/classes/{class id},"
            + " /topic/classes/{class id}/challenges/{challenge id}, /topic/quiz/{class id} or /topic/quiz/{class id}/answers";

    /** Job ids are {@link UUID#randomUUID()} in its canonical, lower-case form. */
    String JOB_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Class ids are the database's positive keys, written without leading zeros. */
    String CLASS_ID = "[1-9][0-9]{0,18}";

    /** The destination as sent on the wire. */
    String destination();

    /** Epochs and status changes of one job: {@code /topic/jobs/{id}}. */
    record JobTopic(String jobId) implements LiveDestination {
        public JobTopic {
            requireValid(JOB_ID, jobId);
        }

        @Override
        public String destination() {
            return "/topic/jobs/" + jobId;
        }
    }

    /** One job's status and history, answered once to the subscriber: {@code /app/jobs/{id}}. */
    record JobSnapshot(String jobId) implements LiveDestination {
        public JobSnapshot {
            requireValid(JOB_ID, jobId);
        }

        @Override
        public String destination() {
            return "/app/jobs/" + jobId;
        }
    }

    /** A class's dashboard, for instructors: {@code /topic/classes/{id}}. */
    record ClassTopic(long classId) implements LiveDestination {
        public ClassTopic {
            requirePositive("class", classId);
        }

        @Override
        public String destination() {
            return "/topic/classes/" + classId;
        }
    }

    /** A class's live quiz, for its students and instructors: {@code /topic/quiz/{id}}. */
    record QuizTopic(long classId) implements LiveDestination {
        public QuizTopic {
            requirePositive("class", classId);
        }

        @Override
        public String destination() {
            return "/topic/quiz/" + classId;
        }
    }

    /** The tally of a class's quiz answers, for instructors: {@code /topic/quiz/{id}/answers}. */
    record QuizAnswers(long classId) implements LiveDestination {
        public QuizAnswers {
            requirePositive("class", classId);
        }

        @Override
        public String destination() {
            return "/topic/quiz/" + classId + "/answers";
        }
    }

    /**
     * A challenge's leaderboard, for the class's students and instructors:
     * {@code /topic/classes/{class id}/challenges/{challenge id}}. The server publishes a challenge's board only
     * under its own class, so naming another class's id with it receives nothing.
     */
    record ChallengeTopic(long classId, long challengeId) implements LiveDestination {
        public ChallengeTopic {
            requirePositive("class", classId);
            requirePositive("challenge", challengeId);
        }

        @Override
        public String destination() {
            return "/topic/classes/" + classId + "/challenges/" + challengeId;
        }
    }

    /**
     * The destination this string names exactly, or empty for anything else: patterns, encodings, trailing
     * slashes, upper-case or malformed ids, other prefixes. Matched in full over ASCII, so no character is
     * interpreted.
     */
    static Optional<LiveDestination> parse(String destination) {
        if (destination == null) return Optional.empty();
        Matcher m = Shapes.ALL.matcher(destination);
        if (!m.matches()) return Optional.empty();
        if (m.group("topic") != null) return Optional.of(new JobTopic(m.group("topic")));
        if (m.group("snapshot") != null) return Optional.of(new JobSnapshot(m.group("snapshot")));
        try {
            if (m.group("challenge") != null) {
                return Optional.of(new ChallengeTopic(Long.parseLong(m.group("board")), Long.parseLong(m.group("challenge"))));
            }
            if (m.group("quiz") != null) return Optional.of(new QuizTopic(Long.parseLong(m.group("quiz"))));
            if (m.group("answers") != null) return Optional.of(new QuizAnswers(Long.parseLong(m.group("answers"))));
            return Optional.of(new ClassTopic(Long.parseLong(m.group("class"))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // nineteen digits past Long.MAX_VALUE
        }
    }

    private static void requireValid(String idPattern, String id) {
        if (id == null || !id.matches(idPattern)) throw new IllegalArgumentException("not an id: " + id);
    }

    private static void requirePositive(String what, long id) {
        if (id < 1) throw new IllegalArgumentException(what + " ids are positive: " + id);
    }

    /** Holds the compiled grammar (an interface's fields are public). */
    final class Shapes {
        private static final Pattern ALL = Pattern.compile("/topic/jobs/(?<topic>" + JOB_ID + ")"
                + "|/app/jobs/(?<snapshot>" + JOB_ID + ")"
                + "|/topic/classes/(?<class>" + CLASS_ID + ")"
                + "|/topic/classes/(?<board>" + CLASS_ID + ")/challenges/(?<challenge>" + CLASS_ID + ")"
                + "|/topic/quiz/(?<quiz>" + CLASS_ID + ")"
                + "|/topic/quiz/(?<answers>" + CLASS_ID + ")/answers");

        private Shapes() {
        }
    }
}
