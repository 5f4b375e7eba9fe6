package dev.wsproxy.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which backend an upgrade reaches: exp: routes first in config order, then the longest segment prefix. */
class UpgradeRoutingTest {

    private static String reach(Front front, String uri) throws Exception {
        return Raw.reach(front.address(), uri);
    }

    @Test
    void regexRoutesComeFirstThenTheLongestSegmentPrefix() throws Exception {
        try (Raw.Backend a = Raw.named("A"); Raw.Backend b = Raw.named("B"); Raw.Backend c = Raw.named("C");
             Front front = new Front(TunnelSettings.DEFAULT,
                     Front.prefix("/ws", Front.tcp(b.address())),
                     Front.regex("^/live/[a-z]+$", Front.tcp(a.address())),
                     Front.prefix("/ws/deep/", Front.tcp(c.address())),
                     Front.regex("/special", Front.tcp(a.address())))) {
            assertEquals("A", reach(front, "/live/abc"));
            assertEquals("HTTP/1.1 200 OK", reach(front, "/live/ABC"), "a regex miss with no prefix goes on");
            assertEquals("B", reach(front, "/ws"));
            assertEquals("B", reach(front, "/ws/"));
            assertEquals("B", reach(front, "/ws/chat?room=1"));
            assertEquals("HTTP/1.1 200 OK", reach(front, "/wsx"), "/ws never matches /wsx");
            assertEquals("C", reach(front, "/ws/deep"), "/ws/deep/ also matches /ws/deep");
            assertEquals("C", reach(front, "/ws/deep/er"));
            assertEquals("B", reach(front, "/ws/deeper"));
            assertEquals("A", reach(front, "/ws/special/x"), "exp: routes are tried before prefixes");
            assertEquals("B", reach(front, "/a/../ws/x"), "matched on the canonical path");
            assertEquals("B", reach(front, "/%77s/x"), "matched on the decoded path");
        }
    }

    @Test
    void theLastPlainRouteWithTheSameUriWins() throws Exception {
        try (Raw.Backend a = Raw.named("A"); Raw.Backend b = Raw.named("B");
             Front front = new Front(TunnelSettings.DEFAULT,
                     Front.prefix("/ws/", Front.tcp(a.address())),
                     Front.prefix("/ws", Front.tcp(b.address())))) {
            assertEquals("B", reach(front, "/ws/x"));
        }
    }
}
