package nnlab.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs and its page at /swagger-ui.html. */
@Configuration
public class OpenApiConfig {

    @Bean
    OpenAPI nnlabOpenApi() {
        return new OpenAPI().info(new Info().title("nnlab job API").version("1")
                .description("Submit a training spec, follow it live (STOMP at /ws, topic /topic/jobs/{id}, or "
                        + "Server-Sent Events at /api/jobs/{id}/events), control it, predict with it, download it. "
                        + "Errors are RFC 7807 problem details naming the field and the limit."));
    }
}
