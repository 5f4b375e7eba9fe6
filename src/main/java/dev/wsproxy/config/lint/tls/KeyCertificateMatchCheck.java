package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.tls.KeyPairs;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The keyFile holds the private key of the certFile's certificate (WSP403). */
public final class KeyCertificateMatchCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.TLS_KEY_MISMATCH);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (TlsSite site : TlsSite.all(config)) {
            Optional<PrivateKey> key = site.key();
            Optional<List<X509Certificate>> chain = site.chain();
            if (key.isPresent() && chain.isPresent() && !KeyPairs.matches(key.get(), chain.get().get(0).getPublicKey())) {
                out.add(Code.TLS_KEY_MISMATCH, site.tls().span(),
                        site.label() + ": keyFile " + site.tls().keyFile() + " is not the key of certFile " + site.tls().certFile(),
                        "Give the key the certificate was issued for; `openssl x509 -noout -pubkey -in CERT` and"
                                + " `openssl pkey -pubout -in KEY` print the same public key when they match.");
            }
        }
    }
}
