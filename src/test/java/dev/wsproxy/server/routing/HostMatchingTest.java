package dev.wsproxy.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Host header normalisation and OLS domain globs. */
class HostMatchingTest {

    @Test
    void hostIsLowercasedWithoutPortAndWww() {
        assertEquals("example.com", HostName.normalize("WWW.Example.COM:8080"));
        assertEquals("[::1]", HostName.normalize("[::1]:443"));
        assertEquals("[2001:db8::1]", HostName.normalize("[2001:DB8::1]"));
        assertEquals("", HostName.normalize(null));
        assertEquals("wwwx.com", HostName.normalize("wwwx.com"));
    }

    @Test
    void globsFollowOlsRules() {
        assertTrue(new DomainGlob("*.example.com").matches("a.b.example.com"), "* crosses dots");
        assertFalse(new DomainGlob("*.example.com").matches("example.com"));
        assertTrue(new DomainGlob("app?.test").matches("app1.test"));
        assertFalse(new DomainGlob("app?.test").matches("app12.test"));
        assertTrue(new DomainGlob("a\\*b.test").matches("a*b.test"), "backslash makes * literal");
        assertFalse(new DomainGlob("a\\*b.test").matches("axxb.test"));
        assertFalse(new DomainGlob("a.test").matches("aXtest"), "a dot is literal");
    }
}
