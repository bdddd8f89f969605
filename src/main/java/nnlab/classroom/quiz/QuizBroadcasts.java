package nnlab.classroom.quiz;

import com.fasterxml.jackson.databind.ObjectMapper;
import nnlab.jobs.web.LiveDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Pushes quizzes live: to the class on {@code /topic/quiz/{class id}} the question without its key when it is
 * launched or closed, with the key and the answers once revealed; to instructors on
 * {@code /topic/quiz/{class id}/answers} the answers' tally after every answer.
 */
@Component
public class QuizBroadcasts {

    private static final Logger log = LoggerFactory.getLogger(QuizBroadcasts.class);

    /** @param type launched, closed or revealed */
    public record Event(String type, StudentQuiz quiz) {
    }

    private final SimpMessagingTemplate stomp;
    private final ObjectMapper json;

    public QuizBroadcasts(SimpMessagingTemplate stomp, ObjectMapper json) {
        this.stomp = stomp;
        this.json = json;
    }

    void changed(Quiz quiz, Tally tally) {
        String type = switch (quiz.state()) {
            case OPEN -> "launched";
            case CLOSED -> "closed";
            case REVEALED -> "revealed";
        };
        send(new LiveDestination.QuizTopic(quiz.classId()), new Event(type, StudentQuiz.of(quiz, tally, null)));
        send(new LiveDestination.QuizAnswers(quiz.classId()), tally);
    }

    void answered(Quiz quiz, Tally tally) {
        send(new LiveDestination.QuizAnswers(quiz.classId()), tally);
    }

    private void send(LiveDestination to, Object body) {
        try {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            headers.setLeaveMutable(true);
            stomp.send(to.destination(), MessageBuilder.createMessage(json.writeValueAsBytes(body),
                    headers.getMessageHeaders()));
        } catch (Exception e) {
            log.warn("could not push to {}: {}", to.destination(), e.toString());
        }
    }
}
