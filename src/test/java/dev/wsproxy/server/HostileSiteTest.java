package dev.wsproxy.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The base of the hostile-client tests: each starts its {@link HostileSite} in {@link #root}; it is closed after. */
abstract class HostileSiteTest {

    @TempDir
    Path root;
    HostileSite site;

    @AfterEach
    void stopSite() throws Exception {
        if (site != null) {
            site.close();
        }
    }
}
