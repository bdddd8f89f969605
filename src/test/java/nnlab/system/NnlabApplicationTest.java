package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nnlab.NnlabApplicationAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NnlabApplicationTest {

    private static final String CACHE = "org.bytedeco.javacpp.cachedir";
    private final String before = System.getProperty(CACHE);

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(CACHE);
        else System.setProperty(CACHE, before);
    }

    @Test
    void javacppCacheGoesUnderTheDataDirUnlessSetAlready() {
        System.clearProperty(CACHE);
        NnlabApplicationAccess.configureJavacppCache(new String[] {"--nnlab.data-dir=/srv/nnlab"});
        assertThat(System.getProperty(CACHE)).isEqualTo(Path.of("/srv/nnlab", "javacpp-cache").toString());

        System.setProperty(CACHE, "/opt/cache");
        NnlabApplicationAccess.configureJavacppCache(new String[] {"--nnlab.data-dir=/srv/nnlab"});
        assertThat(System.getProperty(CACHE)).isEqualTo("/opt/cache");
    }

    @Test
    void withoutConfigurationTheDataFolderIsDotNnlabInTheHomeFolderWhereverTheServerStarts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NNLAB_DATA_DIR") == null
                && System.getProperty("nnlab.data-dir") == null, "a data folder is configured for this run");
        System.clearProperty(CACHE);
        NnlabApplicationAccess.configureJavacppCache(new String[0]);
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(System.getProperty(CACHE)).isEqualTo(home.resolve(".nnlab").resolve("javacpp-cache").toString());

        var environment = new org.springframework.core.env.StandardEnvironment();
        new nnlab.platform.DataDirEnvironment().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("nnlab.data-dir")).isEqualTo(home.resolve(".nnlab").toAbsolutePath().toString());
        var configured = new org.springframework.core.env.StandardEnvironment();
        configured.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
                java.util.Map.of("nnlab.data-dir", "relative/folder")));
        new nnlab.platform.DataDirEnvironment().postProcessEnvironment(configured, null);
        assertThat(configured.getProperty("nnlab.data-dir")).isEqualTo(Path.of("relative/folder").toAbsolutePath().toString());
    }
}
