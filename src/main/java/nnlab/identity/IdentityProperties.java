package nnlab.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what ({@code nnlab.security.*}; the request body limit there is the platform's).
 *
 * @param secret             signs the students' cookies; empty = one made at first start and kept in the
 *                           database, so cookies survive a restart (env NNLAB_SECRET)
 * @param anonymousApi       callers without a cookie or token may use /api/jobs (scripts, the embedded
 *                           default); false = 401 for them
 * @param anonymousPages     visitors who have not joined a class may open /playground and /labs;
 *                           false = they are sent to /join
 * @param secureCookies      AUTO marks cookies Secure when the request came over HTTPS
 * @param studentCookieAge   how long a student's browser remembers them
 * @param instructors        accounts created at start when missing (passwords hashed with BCrypt); with
 *                           none configured and none stored, "instructor" is made with a password printed
 *                           once in the log
 * @param loginFailuresPerUsername failed sign-ins one username may have per {@code loginWindow}; then 429
 * @param loginFailuresPerAddress  failed sign-ins one address may have per {@code loginWindow}; then 429
 * @param loginWindow        the window both login limits refill over
 * @param minPasswordLength  the fewest characters of a password an instructor sets on /account
 */
@ConfigurationProperties("nnlab.security")
public record IdentityProperties(@DefaultValue("") String secret,
                                 @DefaultValue("true") boolean anonymousApi,
                                 @DefaultValue("true") boolean anonymousPages,
                                 @DefaultValue("AUTO") CookieSecurity secureCookies,
                                 @DefaultValue("180d") Duration studentCookieAge,
                                 @DefaultValue List<Account> instructors,
                                 @DefaultValue("5") int loginFailuresPerUsername,
                                 @DefaultValue("20") int loginFailuresPerAddress,
                                 @DefaultValue("5m") Duration loginWindow,
                                 @DefaultValue("12") int minPasswordLength) {

    /**
     * An instructor account from configuration.
     *
     * @param resetPassword the configured password replaces the stored one at this start (a lost password);
     *                      without it an existing account keeps its stored password
     */
    public record Account(String username, String password, boolean resetPassword) {
    }

    public enum CookieSecurity { AUTO, ALWAYS, NEVER }
}
