package nnlab.playground;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The playground page: static files from {@code frontend/} (copied to {@code static/}), served at /playground. */
@Configuration
public class PlaygroundConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/playground").setViewName("forward:/playground.html");
    }
}
