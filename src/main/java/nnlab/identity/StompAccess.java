package nnlab.identity;

import java.security.Principal;
import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.JobService;
import nnlab.jobs.web.LiveDestination;
import nnlab.platform.InboundStompInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one door for live destinations: every frame a client sends is checked here, before the broker or the
 * application sees it, against the person who opened the WebSocket (the handshake's principal). A frame
 * that names a destination must name one {@link LiveDestination} literally; SUBSCRIBE to a job's topic or
 * snapshot only for those who may reach the job over REST, to a class's dashboard and quiz answers only for
 * instructors, to a class's quiz and a class's challenge's leaderboard for its students and instructors; SEND
 * only to a job's snapshot; frames only a server sends (MESSAGE, ERROR…) never. A refused frame is dropped
 * and answered with an ERROR frame naming the reason, which ends the session ({@link RefusalFrames} sees that the
 * frame arrives whole, also through a broker relay). (Throwing would not reach the client: with the session's
 * frames kept in order, Spring logs such an exception and carries on.)
 */
@Component
public class StompAccess implements InboundStompInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAccess.class);

    static final String NOT_LITERAL = "destinations must be literal: " + LiveDestination.GRAMMAR
            + "; wildcards, encodings and other shapes are not allowed";

    /** Looked up when needed: made by the broker configuration this interceptor is part of. */
    private final ObjectProvider<JobService> jobs;
    private final RefusalFrames refusals;

    public StompAccess(ObjectProvider<JobService> jobs, RefusalFrames refusals) {
        this.jobs = jobs;
        this.refusals = refusals;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) return message; // heart-beats
        String refusal = refusal(stomp.getCommand(), person(stomp.getUser()), stomp.getDestination());
        if (refusal == null) return message;
        log.debug("STOMP session {}: {}", stomp.getSessionId(), refusal);
        refusals.refuse(stomp.getSessionId(), refusal, stomp.getReceipt());
        return null;
    }

    /** Why this person may not send this frame; null if they may. The whole decision, on the parsed destination. */
    String refusal(StompCommand command, Person who, String destination) {
        boolean subscribe = command == StompCommand.SUBSCRIBE;
        boolean send = command == StompCommand.SEND;
        if (isServerFrame(command)) return "clients cannot send " + command + " frames";
        if (destination == null) {
            // CONNECT, UNSUBSCRIBE, DISCONNECT, ACK… name no destination
            return subscribe || send ? "a destination is required: " + LiveDestination.GRAMMAR : null;
        }
        LiveDestination live = LiveDestination.parse(destination).orElse(null);
        if (live == null) return NOT_LITERAL;
        if (send && !(live instanceof LiveDestination.JobSnapshot)) {
            return "clients cannot send to " + live.destination() + ": only the server publishes there";
        }
        if (!subscribe && !send) return null;
        if (live instanceof LiveDestination.ChallengeTopic b) {
            boolean member = who != null && (who.isInstructor()
                    || who.isStudent() && who.classId() != null && who.classId() == b.classId());
            return member ? null : "only the class's students and instructors may subscribe to " + b.destination();
        }
        if (live instanceof LiveDestination.ClassTopic || live instanceof LiveDestination.QuizAnswers) {
            return who != null && who.isInstructor() ? null : "only instructors may subscribe to " + live.destination();
        }
        if (live instanceof LiveDestination.QuizTopic q) {
            boolean inClass = who != null && (who.isInstructor()
                    || who.isStudent() && who.classId() != null && who.classId() == q.classId());
            return inClass ? null : "only the students of class " + q.classId() + " and instructors may subscribe to "
                    + q.destination();
        }
        String jobId = live instanceof LiveDestination.JobTopic t ? t.jobId() : ((LiveDestination.JobSnapshot) live).jobId();
        return mayFollow(who, jobId) ? null : "job " + jobId + " is not yours: you may not follow it";
    }

    private boolean mayFollow(Person who, String jobId) {
        String owner;
        try {
            owner = ownerOf(jobId);
        } catch (JobNotFoundException e) {
            return true; // the snapshot says so; nothing is ever published for an unknown id
        }
        return who != null && who.mayReach(owner);
    }

    /** The owner key the job is stored under; a {@link JobNotFoundException} for an id no job has. */
    String ownerOf(String jobId) {
        return jobs.getObject().owner(jobId);
    }

    private static boolean isServerFrame(StompCommand command) {
        return command == StompCommand.MESSAGE || command == StompCommand.ERROR || command == StompCommand.RECEIPT
                || command == StompCommand.CONNECTED;
    }

    /** The person of the handshake: a signed-in or anonymous {@link Person}; null if there was none. */
    static Person person(Principal user) {
        if (user instanceof Authentication a && a.getPrincipal() instanceof Person p) return p;
        return null;
    }
}
