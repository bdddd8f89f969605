package nnlab.classroom;

import java.security.Principal;
import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks each STOMP SUBSCRIBE and SEND against the person who opened the WebSocket (the handshake's
 * principal): a job's destinations ({@code /topic/jobs/{id}}, {@code /app/jobs/{id}}) only for those who
 * may reach the job over REST, {@code /topic/classes/**} only for instructors, and only the server
 * publishes on {@code /topic}. A refused frame is dropped and answered with an ERROR frame naming the
 * reason, which ends the session. (Throwing would not reach the client: with the session's frames
 * kept in order, Spring logs such an exception and carries on.)
 */
@Component
public class StompAccess implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompAccess.class);

    static final String JOB_TOPIC = "/topic/jobs/";
    static final String JOB_APP = "/app/jobs/";
    static final String CLASS_TOPIC = "/topic/classes/";

    /** Both looked up when needed: they are made by the broker configuration this interceptor is part of. */
    private final ObjectProvider<JobService> jobs;
    private final ObjectProvider<MessageChannel> clientOutbound;

    public StompAccess(ObjectProvider<JobService> jobs,
                       @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
        this.jobs = jobs;
        this.clientOutbound = clientOutbound;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null) return message;
        StompCommand command = stomp.getCommand();
        String destination = stomp.getDestination();
        if (!StompCommand.SUBSCRIBE.equals(command) && !StompCommand.SEND.equals(command)) return message;
        String refusal = StompCommand.SEND.equals(command) && (destination == null || !destination.startsWith("/app/"))
                ? "clients cannot send to " + destination : refusal(person(stomp.getUser()), destination);
        if (refusal == null) return message;
        log.debug("STOMP session {}: {}", stomp.getSessionId(), refusal);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(refusal);
        error.setSessionId(stomp.getSessionId());
        if (stomp.getReceipt() != null) error.setReceiptId(stomp.getReceipt());
        clientOutbound.getObject().send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
        return null;
    }

    /** Why this person may not use this destination; null if they may. */
    private String refusal(Person who, String destination) {
        if (destination == null) return "a destination is required";
        if (destination.startsWith(CLASS_TOPIC) && (who == null || !who.isInstructor())) {
            return "only instructors may subscribe to " + destination;
        }
        String jobId = destination.startsWith(JOB_TOPIC) ? destination.substring(JOB_TOPIC.length())
                : destination.startsWith(JOB_APP) ? destination.substring(JOB_APP.length()) : null;
        if (jobId == null) return null;
        String owner;
        try {
            owner = jobs.getObject().owner(jobId);
        } catch (JobNotFoundException e) {
            return null; // the snapshot says so; nothing is ever published for an unknown id
        }
        return who != null && who.mayReach(owner) ? null : "job " + jobId + " is not yours: you may not follow it";
    }

    /** The person of the handshake: a signed-in or anonymous {@link Person}; null if there was none. */
    static Person person(Principal user) {
        if (user instanceof Authentication a && a.getPrincipal() instanceof Person p) return p;
        return null;
    }
}
