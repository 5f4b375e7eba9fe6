package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.ModelCheck;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.tls.PemCertificates;
import dev.wsproxy.tls.PemPrivateKeys;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Every keyFile, certFile and CACertFile exists, is readable, and holds a key or certificates (WSP401, WSP402). */
public final class TlsFilesCheck implements ModelCheck {

    @Override
    public Set<Code> codes() {
        return Set.of(Code.TLS_FILE_MISSING, Code.TLS_FILE_INVALID);
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (TlsSite site : TlsSite.all(config)) {
            for (Map.Entry<String, Path> file : site.files().entrySet()) {
                TlsSite.Reader<?> reader = file.getKey().equals("keyFile") ? PemPrivateKeys::read : PemCertificates::read;
                TlsSite.problem(reader, file.getValue()).ifPresent(problem -> {
                    String summary = site.label() + ": " + file.getKey() + " " + file.getValue() + ": " + problem.reason();
                    switch (problem.kind()) {
                        case MISSING, UNREADABLE -> out.add(Code.TLS_FILE_MISSING, site.tls().span(), summary,
                                "Check the path (a relative one is resolved against $SERVER_ROOT) and that the server user may read it.");
                        case INVALID -> out.add(Code.TLS_FILE_INVALID, site.tls().span(), summary,
                                "keyFile must be the PEM private key and certFile the PEM certificate (a fullchain.pem is fine).");
                        default -> {
                            // encrypted keys have their own check
                        }
                    }
                });
            }
        }
    }
}
