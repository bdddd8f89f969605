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
}
