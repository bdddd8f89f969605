package nnlab.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import nnlab.classroom.AnonymousCallerFilter;
import nnlab.classroom.InstructorLogin;
import nnlab.classroom.Role;
import nnlab.classroom.StudentCookieFilter;
import nnlab.classroom.StudentCookies;
import nnlab.classroom.StudentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Students are signed in per request by their signed cookie, instructors by a
 * session after the form login, callers with neither are anonymous {@code Person}s (so the job API keeps
 * working for scripts unless {@code nnlab.security.anonymous-api=false}). Instructor pages and
 * endpoints need the instructor role; the API answers refusals as problems (401/403), pages redirect to
 * the sign-in page.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    private static final String STUDENT = Role.STUDENT.name();
    private static final String INSTRUCTOR = Role.INSTRUCTOR.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, NnlabProperties properties, StudentCookies cookies,
                                 StudentRepository students, InstructorLogin instructorLogin, ObjectMapper json)
            throws Exception {
        NnlabProperties.Security settings = properties.security();
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        String anonymousKey = UUID.randomUUID().toString();

        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/instructor", "/instructor/**", "/api/classes", "/api/classes/**").hasRole(INSTRUCTOR);
            if (!settings.anonymousApi()) a.requestMatchers("/api/**").hasAnyRole(STUDENT, INSTRUCTOR);
            a.anyRequest().permitAll();
        });
        http.authenticationProvider(instructorLogin);
        http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/instructor", false).permitAll());
        http.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                .deleteCookies("JSESSIONID", StudentCookies.NAME));
        http.addFilterBefore(new StudentCookieFilter(cookies, students), AnonymousAuthenticationFilter.class);
        http.anonymous(a -> a.key(anonymousKey).authenticationFilter(new AnonymousCallerFilter(anonymousKey)));
        http.exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor(SecurityProblems.entryPoint(json), api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        AnyRequestMatcher.INSTANCE)
                .defaultAccessDeniedHandlerFor(SecurityProblems.accessDenied(json), api));
        // the API is called by scripts and by the pages' fetches; cookie-carrying calls get CSRF checks later
        http.csrf(c -> c.ignoringRequestMatchers(api));
        // the labs embed the playground in an iframe
        http.headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }
}
