package nnlab.identity;

import java.time.Instant;

/** An API token as its owner sees it in the list: never the token itself, which is shown once. */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
