package nnlab;

import java.nio.file.Path;
import nnlab.engine.Nd4jRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the nnlab server: the job API, live metrics, the labs, the playground and the classroom. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NnlabApplication {

    static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";
    private static final Logger log = LoggerFactory.getLogger(NnlabApplication.class);

    public static void main(String[] args) {
        configureJavacppCache(args);
        preloadNatives();
        SpringApplication.run(NnlabApplication.class, args);
    }

    /** The data folder when none is configured: {@code .nnlab} in the user's home folder. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".nnlab");
    }

    /**
     * JavaCPP unpacks ND4J's native libraries (about 400 MB) on first use, into a directory it reads
     * from a JVM system property exactly once. A Spring property comes too late, so it is set here,
     * before Spring starts, unless the command line already set it: {@code <data dir>/javacpp-cache}.
     */
    static void configureJavacppCache(String[] args) {
        if (System.getProperty(JAVACPP_CACHE) != null) return;
        String dataDir = null;
        for (String arg : args) {
            if (arg.startsWith("--nnlab.data-dir=")) dataDir = arg.substring("--nnlab.data-dir=".length());
        }
        if (dataDir == null) dataDir = System.getProperty("nnlab.data-dir");
        if (dataDir == null) dataDir = System.getenv("NNLAB_DATA_DIR");
        Path dir = dataDir == null || dataDir.isBlank() ? defaultDataDir() : Path.of(dataDir);
        System.setProperty(JAVACPP_CACHE, dir.resolve("javacpp-cache").toAbsolutePath().toString());
    }

    /** Loads (on a fresh data folder: unpacks) the native libraries a job needs while Spring starts, not on the first job. */
    static void preloadNatives() {
        Thread loader = new Thread(() -> {
            long start = System.nanoTime();
            try {
                Nd4jRuntime.preload();
                log.info("native libraries ready in {} ms (cache {})", (System.nanoTime() - start) / 1_000_000,
                        System.getProperty(JAVACPP_CACHE));
            } catch (Throwable e) {
                log.warn("the native libraries could not be loaded at start ({}); the first job that needs them"
                        + " will try again", e.getMessage());
            }
        }, "natives-preload");
        loader.setDaemon(true);
        loader.start();
    }
}
