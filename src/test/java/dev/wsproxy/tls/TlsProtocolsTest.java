package dev.wsproxy.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TlsProtocolsTest {

    @Test
    void unsetMeansTls12And13() {
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), TlsProtocols.of(0));
    }

    @Test
    void eachOlsBitIsOneVersion() {
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"), TlsProtocols.of(31));
        assertEquals(List.of("TLSv1.2"), TlsProtocols.of(8));
        assertEquals(List.of("TLSv1.1"), TlsProtocols.of(4));
    }

    @Test
    void aMaskWithNoKnownBitEnablesNothing() {
        assertEquals(List.of(), TlsProtocols.of(32));
    }
}
