package nnlab.classroom.dashboard;

import java.time.Instant;
import java.util.List;
import nnlab.classroom.Classroom;
import nnlab.jobs.JobStatus;

/**
 * A class as its instructor's dashboard shows it: the same document from {@code GET
 * /api/classes/{id}/dashboard} and on {@code /topic/classes/{id}}. Names and answers are the students' own
 * text: pages put them in as text.
 *
 * @param questions every question of the lab files, with the class's answers to it
 * @param queue     the class's jobs waiting, running or paused, oldest first
 */
public record DashboardView(Classroom classroom, Instant at, int online, List<StudentRow> students,
                            List<QuestionStats> questions, List<JobRow> queue) {

    /**
     * @param tag            a short mark of the student's id ("#3f"), the same in every view and export
     * @param label          the name as the dashboard and the CSVs show it: with the tag when another student
     *                       of the class has the same name (ignoring case and spaces), else the name alone
     * @param page           the lab slug or "playground" of the student's last heartbeat
     * @param pageTitle      that lab's title, or "Playground"
     * @param labsVisited    slugs of the labs the student opened, first visit first
     * @param questionsRight questions the student answered right at least once
     * @param questionsTried questions the student answered at all
     * @param answers        answers given, right or wrong
     * @param jobsRun        jobs the student submitted in this class
     * @param jobs           their newest jobs with the latest metrics, newest first
     */
    public record StudentRow(long id, String name, String tag, String label, boolean online, String page, String pageTitle, Instant lastSeen,
                             List<String> labsVisited, int questionsRight, int questionsTried, int answers,
                             long jobsRun, List<JobRow> jobs) {
    }

    /**
     * A job with its latest metrics.
     *
     * @param student  the student's label (see {@link StudentRow#label})
     * @param epoch    the last finished epoch; null before the first
     * @param loss     that epoch's training loss
     * @param accuracy that epoch's training accuracy; null for regression
     */
    public record JobRow(String id, long studentId, String student, JobStatus status, int epochsDone, int epochs,
                         Integer epoch, Double loss, Double accuracy, Instant createdAt) {
    }

    /**
     * @param students      students who answered it
     * @param right         students who answered it right at least once
     * @param shareRight    right / students; null when nobody answered
     * @param commonWrong   the most frequent wrong answers, most frequent first
     */
    public record QuestionStats(String lab, String labTitle, String question, String text, int students, int right,
                                Double shareRight, List<WrongAnswer> commonWrong) {
    }

    public record WrongAnswer(String answer, int count) {
    }
}
