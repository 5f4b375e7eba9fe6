package dev.wsproxy.server.tls;

/** Every case of {@link PemTlsContextFactoryTest} on the JDK's JSSE, the fallback where BoringSSL does not load. */
class PemTlsContextFactoryJsseTest extends PemTlsContextFactoryTest {

    @Override
    TlsLibrary library() {
        return TlsLibrary.JSSE;
    }
}
