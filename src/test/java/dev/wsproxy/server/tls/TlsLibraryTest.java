package dev.wsproxy.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which TLS implementation a server gets without being told, and how an operator chooses JSSE. */
class TlsLibraryTest {

    @AfterEach
    void forget() {
        System.clearProperty(TlsLibrary.PROPERTY);
    }

    @Test
    void boringSslLoadsOnLinuxX8664AndIsTheDefault() {
        assertEquals(TlsLibrary.BORINGSSL, TlsLibrary.chosen(), "the native library ships in the jar for this platform");
        assertTrue(TlsLibrary.fallbackReason().isEmpty());
        PemTlsContextFactory factory = new PemTlsContextFactory(Path.of(""));
        assertEquals("TLS through BoringSSL", factory.library());
        assertFalse(factory.isFallback());
    }

    @Test
    void aSystemPropertyChoosesJsseWithoutAWarning() {
        System.setProperty(TlsLibrary.PROPERTY, "JSSE");
        assertEquals(TlsLibrary.JSSE, TlsLibrary.chosen());
        PemTlsContextFactory factory = new PemTlsContextFactory(Path.of(""));
        assertEquals("TLS through the JDK's JSSE", factory.library());
        assertFalse(factory.isFallback(), "chosen, not fallen back to");
    }
}
