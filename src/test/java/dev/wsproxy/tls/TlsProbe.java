package dev.wsproxy.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** A TLS client that only shakes hands and reports what the server chose: certificate, version, suite. */
public final class TlsProbe {

    /** What a finished handshake agreed on. */
    public record Handshake(X509Certificate leaf, String protocol, String cipherSuite) {
        public String commonName() {
            return leaf.getSubjectX500Principal().getName().replaceFirst("^CN=", "").replaceFirst(",.*", "");
        }
    }

    private TlsProbe() {
    }

    /**
     * @param sni the SNI host name to send, or null to send none
     * @param protocols the versions to offer, or none for the client's defaults
     */
    public static Handshake handshake(SSLContext client, int port, String sni, String... protocols) throws IOException {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
            // the name to check the certificate against is the SNI name; 127.0.0.1 when there is none
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (protocols.length > 0) {
                parameters.setProtocols(protocols);
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            SSLSession session = socket.getSession();
            // JSSE caches sessions by address, not by SNI name: without this, the next probe would resume this one
            session.invalidate();
            return new Handshake((X509Certificate) session.getPeerCertificates()[0], session.getProtocol(), session.getCipherSuite());
        }
    }
}
