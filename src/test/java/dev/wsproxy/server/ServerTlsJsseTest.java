package dev.wsproxy.server;

import dev.wsproxy.server.tls.TlsLibrary;

/** Every case of {@link ServerTlsTest} on the JDK's JSSE, the fallback where BoringSSL does not load. */
class ServerTlsJsseTest extends ServerTlsTest {

    @Override
    TlsLibrary library() {
        return TlsLibrary.JSSE;
    }
}
