package nnlab.jobs;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock the jobs' time rules (idle, paused, time limit) read; tests put a fake one in its place. */
@Configuration(proxyBeanMethods = false)
public class JobsClock {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
