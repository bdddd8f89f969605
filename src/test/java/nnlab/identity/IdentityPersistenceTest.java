package nnlab.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** What must survive a restart: the cookie key and the instructor accounts, made once. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityPersistenceTest {

    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:identity-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    @Test
    void aStudentsCookieOutlivesARestartAndAnotherKeyRefusesIt() {
        IdentityProperties defaults = properties(Map.of());
        StudentCookies first = new StudentCookies(new ServerSecret(defaults, jdbc), defaults);
        String cookie = signed(first, 42);
        // a restart: the key is read back from the database
        StudentCookies afterRestart = new StudentCookies(new ServerSecret(defaults, jdbc), defaults);
        assertThat(afterRestart.verify(cookie)).hasValue(42);
        assertThat(afterRestart.verify("43" + cookie.substring(2))).isEmpty();
        // a configured secret is another key: the old cookie means nothing
        IdentityProperties configured = properties(Map.of("nnlab.security.secret", "a secret set by the host"));
        assertThat(new StudentCookies(new ServerSecret(configured, jdbc), configured).verify(cookie)).isEmpty();
    }

    @Test
    void withoutConfigurationOneInstructorIsMadeAndItsPasswordPrintedOnce(CapturedOutput output) {
        InstructorRepository instructors = new InstructorRepository(jdbc);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        IdentityProperties none = properties(Map.of("nnlab.security.instructors[0].username", "instructor",
                "nnlab.security.instructors[0].password", ""));
        new InstructorAccounts(instructors, bcrypt, none).run(null);
        String log = output.getOut();
        var printed = java.util.regex.Pattern.compile("created 'instructor' with the password {2}(\\S+)").matcher(log);
        assertThat(printed.find()).as(log).isTrue();
        String hash = instructors.passwordHash("instructor").orElseThrow();
        assertThat(hash).startsWith("$2a$").doesNotContain(printed.group(1));
        assertThat(bcrypt.matches(printed.group(1), hash)).isTrue();

        new InstructorAccounts(instructors, bcrypt, none).run(null);
        assertThat(output.getOut().split("with the password", -1)).hasSize(2);
        assertThat(instructors.count()).isEqualTo(1);

        IdentityProperties configured = properties(Map.of("nnlab.security.instructors[0].username", "kim",
                "nnlab.security.instructors[0].password", "kim's password"));
        new InstructorAccounts(instructors, bcrypt, configured).run(null);
        assertThat(bcrypt.matches("kim's password", instructors.passwordHash("kim").orElseThrow())).isTrue();
    }

    @Test
    void aConfiguredPasswordReplacesTheStoredOneOnlyWhenAResetIsAsked(CapturedOutput output) {
        InstructorRepository instructors = new InstructorRepository(jdbc);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        new InstructorAccounts(instructors, bcrypt, account("first password", false)).run(null);
        assertThat(output.getOut()).contains("instructor account 'kim' created with the configured password");
        assertThat(output.getOut()).doesNotContain("first password");

        // a restart with another password and no reset: the stored one stays, and the log says how to reset
        new InstructorAccounts(instructors, bcrypt, account("second password", false)).run(null);
        assertThat(bcrypt.matches("first password", instructors.passwordHash("kim").orElseThrow())).isTrue();
        assertThat(output.getOut()).contains("keeps its stored password")
                .contains("NNLAB_RESET_INSTRUCTOR_PASSWORD=true");

        // with the reset asked: the configured one is stored, and the log names the account, not the password
        new InstructorAccounts(instructors, bcrypt, account("second password", true)).run(null);
        String hash = instructors.passwordHash("kim").orElseThrow();
        assertThat(bcrypt.matches("second password", hash)).isTrue();
        assertThat(bcrypt.matches("first password", hash)).isFalse();
        assertThat(output.getOut()).contains("instructor account 'kim': its password was reset")
                .doesNotContain("second password");

        // the same start again (the flag left on) changes nothing and says the configured password is in use
        new InstructorAccounts(instructors, bcrypt, account("second password", true)).run(null);
        assertThat(instructors.passwordHash("kim")).hasValue(hash);
        assertThat(output.getOut()).contains("instructor account 'kim' uses the configured password");
        assertThat(instructors.count()).isEqualTo(1);
    }

    private static IdentityProperties account(String password, boolean reset) {
        return properties(Map.of("nnlab.security.instructors[0].username", "kim",
                "nnlab.security.instructors[0].password", password,
                "nnlab.security.instructors[0].reset-password", Boolean.toString(reset)));
    }

    private static String signed(StudentCookies cookies, long id) {
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        cookies.issue(new Student(id, 1, "x", java.time.Instant.now(), java.time.Instant.now()),
                new org.springframework.mock.web.MockHttpServletRequest(), response);
        String header = response.getHeader("Set-Cookie");
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    private static IdentityProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("nnlab.security", IdentityProperties.class);
    }
}
