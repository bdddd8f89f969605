package nnlab.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nnlab.platform.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: a student or an instructor makes one to call the API from a script as
 * themselves ({@code Authorization: Bearer <token>}). The token is 32 random bytes, shown once; only
 * its SHA-256 is kept (a fast hash is enough for a random secret of that size).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "nnl_";
    public static final int MAX_NAME = 100;
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    /** @param token the token itself: shown this once */
    public record NewToken(long id, String name, String token, Instant createdAt) {
    }

    private final ApiTokenRepository tokens;
    private final StudentRepository students;
    private final InstructorRepository instructors;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(ApiTokenRepository tokens, StudentRepository students, InstructorRepository instructors) {
        this.tokens = tokens;
        this.students = students;
        this.instructors = instructors;
    }

    public NewToken create(Person owner, String name) {
        InvalidInputException.require(owner.authenticated(), "owner", "only students and instructors have tokens");
        String n = name == null || name.isBlank() ? "token" : name.strip();
        InvalidInputException.require(n.length() <= MAX_NAME && n.codePoints().noneMatch(Character::isISOControl),
                "name", "must be at most " + MAX_NAME + " printable characters");
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        long id = tokens.insert(hash(token), owner.ownerKey(), n, now);
        return new NewToken(id, n, token, now);
    }

    public List<ApiToken> of(Person owner) {
        return tokens.ofOwner(owner.ownerKey());
    }

    public boolean revoke(Person owner, long id) {
        return tokens.revoke(owner.ownerKey(), id);
    }

    /** The person a live token stands for; empty for an unknown or revoked token, or a vanished owner. */
    public Optional<Person> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) return Optional.empty();
        Optional<ApiTokenRepository.Holder> holder = tokens.live(hash(token));
        if (holder.isEmpty()) return Optional.empty();
        ApiTokenRepository.Holder h = holder.get();
        Optional<Person> person = owner(h.owner());
        Instant now = Instant.now();
        if (person.isPresent() && (h.lastUsedAt() == null || h.lastUsedAt().plus(USE_GRANULARITY).isBefore(now))) {
            tokens.used(h.id(), now);
        }
        return person;
    }

    private Optional<Person> owner(String key) {
        if (key.startsWith(Person.STUDENT_PREFIX)) {
            Long student = Person.studentIdOf(key);
            return student == null ? Optional.empty() : students.find(student).map(Student::person);
        }
        if (key.startsWith(Person.INSTRUCTOR_PREFIX)) {
            String username = key.substring(Person.INSTRUCTOR_PREFIX.length());
            return instructors.passwordHash(username).map(h -> Person.instructor(username));
        }
        return Optional.empty();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
