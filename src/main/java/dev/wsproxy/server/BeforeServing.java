package dev.wsproxy.server;

import dev.wsproxy.server.log.ErrorLog;
import java.nio.file.Path;
import java.util.List;

/** What runs once the logs are open and every listener is bound, before the first connection is accepted. */
@FunctionalInterface
public interface BeforeServing {

    /** @param logFiles every log file the server opened */
    void run(ErrorLog errorLog, List<Path> logFiles) throws StartupException;

    BeforeServing NOTHING = (errorLog, logFiles) -> {
    };
}
