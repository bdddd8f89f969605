package nnlab.classroom.challenge;

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

/** Pushes a challenge's leaderboard to its topic, which the door lets the class's students and instructors read. */
@Component
class ChallengeUpdates {

    private static final Logger log = LoggerFactory.getLogger(ChallengeUpdates.class);

    private final SimpMessagingTemplate stomp;
    private final ObjectMapper json;

    ChallengeUpdates(SimpMessagingTemplate stomp, ObjectMapper json) {
        this.stomp = stomp;
        this.json = json;
    }

    static String topic(Challenge c) {
        return new LiveDestination.ChallengeTopic(c.classId(), c.id()).destination();
    }

    void publish(Challenge c, Leaderboard board) {
        try {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            headers.setLeaveMutable(true);
            stomp.send(topic(c), MessageBuilder.createMessage(json.writeValueAsBytes(board), headers.getMessageHeaders()));
        } catch (Exception e) {
            log.warn("could not push the leaderboard of challenge {}: {}", c.id(), e.toString());
        }
    }
}
