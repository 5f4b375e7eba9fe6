package dev.wsproxy.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What Undertow and XNIO log through java.util.logging, as the echo backend prints it: error-log lines on stderr. */
class LibraryLogBridgeTest {

    @Test
    void warningsBecomeOneErrorLogLineAndInfoBannersVanish() {
        Logger root = LogManager.getLogManager().getLogger("");
        Level level = root.getLevel();
        Handler[] handlers = root.getHandlers();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            LibraryLogBridge.quiet();
            LibraryLogBridge.install(ErrorLog.onStderr(new PrintStream(stderr, true, StandardCharsets.UTF_8)));
            Logger library = Logger.getLogger("org.xnio.nio");
            library.info("XNIO NIO Implementation Version 3.8.16.Final");
            library.log(Level.WARNING, "XNIO000100: cannot {0}", new Object[] {"accept"});
            library.log(Level.SEVERE, "listener failed", new IOException("Too many open files"));
        } finally {
            for (Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            List.of(handlers).forEach(root::addHandler);
            root.setLevel(level);
        }
        List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[WARN] org\\.xnio\\.nio: "
                + "XNIO000100: cannot accept"), lines.get(0));
        assertTrue(lines.get(1).matches(".{23} \\[ERROR] org\\.xnio\\.nio: listener failed "
                + "\\(java\\.io\\.IOException: Too many open files\\)"), lines.get(1));
    }
}
