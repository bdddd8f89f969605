package nnlab.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nnlab.classroom.ClassroomProperties;
import nnlab.identity.IdentityProperties;
import nnlab.jobs.JobsProperties;
import nnlab.jobs.LimitsProperties;
import nnlab.jobs.LiveProperties;
import nnlab.jobs.web.InvalidSpecTranslator;
import nnlab.platform.ErrorReplies;
import nnlab.platform.JacksonConfig;
import nnlab.platform.PlatformProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of controllers on the web layer alone ({@code @WebMvcTest}: MockMvc, no engine, no server, no
 * database): their mapping, how bodies and parameters are read, and the problems bad requests get. The
 * application's JSON reading and problem answers are in; the security filters are not (who may do what is
 * shown by the integration tests), so a test supplies the services the controllers call as mocks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@Import({JacksonConfig.class, ErrorReplies.class, InvalidSpecTranslator.class})
@EnableConfigurationProperties({PlatformProperties.class, JobsProperties.class, LimitsProperties.class,
        LiveProperties.class, IdentityProperties.class, ClassroomProperties.class})
public @interface WebLayerSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
