package nnlab;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the nnlab server: the job API, live metrics and (later) the labs and the playground. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NnlabApplication {

    static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";

    public static void main(String[] args) {
        configureJavacppCache(args);
        SpringApplication.run(NnlabApplication.class, args);
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
        if (dataDir == null || dataDir.isBlank()) dataDir = "data";
        System.setProperty(JAVACPP_CACHE, Path.of(dataDir, "javacpp-cache").toAbsolutePath().toString());
    }
}
