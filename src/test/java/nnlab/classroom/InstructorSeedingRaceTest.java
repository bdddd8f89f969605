package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import nnlab.identity.IdentityProperties;
import nnlab.identity.InstructorAccounts;
import nnlab.identity.InstructorRepository;
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

/**
 * Two servers starting at once on one empty database: both find an account missing, the other inserts it
 * between this one's check and its insert. The start-up goes on, and the other server's row stays.
 */
@ExtendWith(OutputCaptureExtension.class)
class InstructorSeedingRaceTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:seeding-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
    }

    /** This server's reads, each made just before the other server's insert lands. */
    private InstructorRepository racedBy(String username, String otherServersHash) {
        return new InstructorRepository(jdbc) {
            @Override
            public Optional<String> passwordHash(String name) {
                Optional<String> seen = super.passwordHash(name);
                if (name.equals(username)) new InstructorRepository(jdbc).insert(username, otherServersHash);
                return seen;
            }

            @Override
            public long count() {
                long seen = super.count();
                new InstructorRepository(jdbc).insert(username, otherServersHash);
                return seen;
            }
        };
    }

    @Test
    void aConfiguredAccountInsertedByAnotherServerMeanwhileIsKept(CapturedOutput output) {
        String theirs = bcrypt.encode("the other server's password");
        IdentityProperties configured = properties(Map.of("nnlab.security.instructors[0].username", "kim",
                "nnlab.security.instructors[0].password", "this server's password"));

        new InstructorAccounts(racedBy("kim", theirs), bcrypt, configured).run(null);

        InstructorRepository stored = new InstructorRepository(jdbc);
        assertThat(stored.count()).isEqualTo(1);
        assertThat(stored.passwordHash("kim")).hasValue(theirs);
        assertThat(output.getOut()).contains("instructor account 'kim' was created at the same moment by another server")
                .doesNotContain("'kim' created from configuration");
    }

    @Test
    void aGeneratedPasswordThatLostTheRaceIsNotPrinted(CapturedOutput output) {
        String theirs = bcrypt.encode("the other server's generated password");
        IdentityProperties none = properties(Map.of("nnlab.security.instructors[0].username", "instructor",
                "nnlab.security.instructors[0].password", ""));

        new InstructorAccounts(racedBy("instructor", theirs), bcrypt, none).run(null);

        assertThat(new InstructorRepository(jdbc).passwordHash("instructor")).hasValue(theirs);
        // a password printed here would not sign anyone in: only the other server's is shown
        assertThat(output.getOut()).doesNotContain("with the password")
                .contains("instructor account 'instructor' was created at the same moment by another server");
    }

    private static IdentityProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("nnlab.security", IdentityProperties.class);
    }
}
