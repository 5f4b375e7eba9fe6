package dev.wsproxy.config.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wsproxy.config.value.Uris;
import org.junit.jupiter.api.Test;

/** Which context and websocket URIs name one route. */
class RouteKeyTest {

    private static RouteKey key(String uri) {
        return Uris.parse(uri).get().orElseThrow().routeKey();
    }

    @Test
    void plainUrisThatDifferOnlyInTheirSlashesAreOneRoute() {
        assertEquals(key("/ws"), key("/ws/"));
        assertEquals(key("/a/b"), key("/a//b/"));
        assertEquals(new RouteKey("/"), key("//"));
    }

    @Test
    void otherPathsAndRegexesAreOtherRoutes() {
        assertNotEquals(key("/ws"), key("/wsx"));
        assertNotEquals(key("/ws"), key("/ws/x"));
        assertNotEquals(key("/ws"), key("exp:/ws"));
        assertNotEquals(key("exp:^/ws"), key("exp:^/ws/"), "a regex is its own text");
    }
}
