package nnlab.jobs;

/**
 * As many evaluations as the server allows are being computed right now: a full queue of a kind, but the
 * server's, not the caller's, so HTTP 503 (with Retry-After, naming the property of the bound).
 */
public class EvaluationsBusyException extends QueueFullException {

    public EvaluationsBusyException(String message, String limitName, int limit) {
        super(message, limitName, limit);
    }
}
