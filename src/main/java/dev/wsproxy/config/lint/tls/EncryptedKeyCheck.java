package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.tls.KeyMaterialException;
import dev.wsproxy.tls.PemPrivateKeys;
import java.util.Set;

/** A keyFile that is encrypted cannot be used: the server has nobody to ask for the pass phrase (WSP409). */
public final class EncryptedKeyCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.TLS_ENCRYPTED_KEY);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (TlsSite site : TlsSite.all(config)) {
            TlsSite.problem(PemPrivateKeys::read, site.tls().keyFile())
                    .filter(problem -> problem.kind() == KeyMaterialException.Kind.ENCRYPTED)
                    .ifPresent(problem -> out.add(Code.TLS_ENCRYPTED_KEY, site.tls().span(),
                            site.label() + ": keyFile " + site.tls().keyFile() + " is encrypted",
                            "Write it unencrypted with `openssl pkey -in " + site.tls().keyFile().getFileName()
                                    + " -out key.pem` and make it readable by the server user only."));
        }
    }
}
