package nnlab.platform;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code nnlab.data-dir} absolute before anything uses it: H2 refuses database paths that are
 * implicitly relative ({@code data/nnlab}), and an absolute path also reads better in logs. Unset, it is
 * {@code .nnlab} in the user's home folder (application.properties), so the server keeps one database
 * wherever it is started from.
 */
public class DataDirEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("nnlab.data-dir",
                Path.of(System.getProperty("user.home"), ".nnlab").toString());
        String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("nnlabDataDir",
                Map.of("nnlab.data-dir", absolute)));
    }
}
