package nnlab.platform;

import java.util.List;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Where error answers come from besides the controllers' advice ({@link ProblemDetailsAdvice}): the
 * error page of the servlet container ({@link ProblemErrorController}), Tomcat's own refusals
 * ({@link ProblemReportValve}), and the error page as the form of a problem for browsers ({@link ProblemPages}).
 */
@Configuration
public class ErrorAnswersConfig implements WebMvcConfigurer {

    private final ObjectProvider<ErrorReplies> replies;

    public ErrorAnswersConfig(ObjectProvider<ErrorReplies> replies) {
        this.replies = replies;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new ProblemPages(replies.getObject()));
    }

    @Bean
    ProblemReports problemReports(ServerProperties server) {
        return new ProblemReports(replies, (int) server.getMaxHttpRequestHeaderSize().toBytes());
    }

    /**
     * Replaces Tomcat's error report valve (and the one Spring Boot adds) with ours; runs after Spring
     * Boot's own customizer.
     */
    record ProblemReports(ObjectProvider<ErrorReplies> replies, int maxHeaderBytes)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
                }
                host.getPipeline().addValve(new ProblemReportValve(replies::getObject, maxHeaderBytes));
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
