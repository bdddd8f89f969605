package nnlab.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start where the server keeps its data, as absolute paths: the first thing a host looks for. */
@Component
class DataFolderLog implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataFolderLog.class);

    private final Environment environment;

    DataFolderLog(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        String dir = environment.getProperty("nnlab.data-dir");
        String url = environment.getProperty("spring.datasource.url", "");
        String database = url.startsWith("jdbc:h2:file:") ? "the embedded database " + url.substring(13).split(";")[0]
                : url.startsWith("jdbc:h2:mem:") ? "a database in memory (gone at stop)"
                : "the database at " + url.replaceFirst("//[^@/]*@", "//");
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir", "the home folder's .javacpp/cache");
        log.info("data folder {} (NNLAB_DATA_DIR): {}; native libraries in {}", dir, database, cache);
    }
}
