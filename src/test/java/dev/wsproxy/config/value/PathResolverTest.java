package dev.wsproxy.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** OLS path variables, and what relative paths are relative to. */
class PathResolverTest {
    private final PathResolver vhost = PathResolver.server(Path.of("/srv/ols")).forVhost("shop", "shop.example")
            .withVhRoot(Path.of("/srv/ols/shop")).withDocRoot(Path.of("/srv/ols/shop/html"));

    @Test
    void relativePathsMeanServerRoot() {
        assertEquals(Path.of("/srv/ols/conf/mime.properties"), vhost.resolve("conf/mime.properties"));
        assertEquals(Path.of("/etc/x"), vhost.resolve("/etc/x"));
    }

    @Test
    void rootVariablesSelectTheBase() {
        assertEquals(Path.of("/srv/ols/shop/html"), vhost.resolve("$VH_ROOT/html/"));
        assertEquals(Path.of("/srv/ols/shop/html/img"), vhost.resolve("$DOC_ROOT/img"));
        assertEquals(Path.of("/srv/ols/logs"), vhost.resolve("$server_root/logs"));
    }

    @Test
    void nameVariablesExpandAnywhereAndKeepGluedText() {
        assertEquals(Path.of("/srv/ols/certs/shop_ecc.key"), vhost.resolve("certs/$VH_NAME_ecc.key"));
        assertEquals(Path.of("/var/log/shop.example.log"), vhost.resolve("/var/log/$VH_DOMAIN.log"));
    }

    @Test
    void contextLocationIsRelativeToDocRoot() {
        assertEquals(Path.of("/srv/ols/shop/html/protected"), vhost.resolveLocation("protected/"));
        assertEquals(Path.of("/srv/ols/shop/other"), vhost.resolveLocation("$VH_ROOT/other"));
    }
}
