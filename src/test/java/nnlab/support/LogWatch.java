package nnlab.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the server logs (INFO and above) while it is open, to show that routine events log no stack trace. */
public final class LogWatch implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogWatch() {
        appender.start();
        root.addAppender(appender);
    }

    /** Each event logged with an exception or naming one, as "LEVEL logger: message (exception)". */
    public List<String> stackTraces() {
        synchronized (appender.list) {
            return appender.list.stream()
                    .filter(e -> e.getThrowableProxy() != null || e.getFormattedMessage().contains("Exception"))
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ")"))
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
