package nnlab.jobs;

/**
 * Hands a job's live messages to its subscribers (STOMP topic {@code /topic/jobs/{id}}, SSE streams).
 * Calls come from training threads: an implementation must return quickly, keep each job's messages in
 * order and never let a slow subscriber hold a job up. The in-process implementation delivers to this
 * instance's subscribers; a broker relay (RabbitMQ's STOMP plugin) would deliver to every instance's.
 */
public interface MetricPublisher {

    void publish(JobMessage message);
}
