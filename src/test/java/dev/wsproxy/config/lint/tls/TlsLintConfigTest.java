package dev.wsproxy.config.lint.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ConfigLoader;
import dev.wsproxy.config.LoadOptions;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS checks run by {@code lint} on a real config tree, pointing at the certFile line of the right block. */
class TlsLintConfigTest {
    private static final TestPki PKI = TestPki.create("Config Lint CA");

    @TempDir
    Path root;

    @Test
    void aSoundSecureListenerAndVhsslLintClean() throws Exception {
        Issued listener = PKI.issue(Algorithm.RSA, "shop.test");
        Issued vhost = PKI.issue(Algorithm.EC, "blog.test");
        writeTree(listener, KeyForm.TRADITIONAL, vhost, KeyForm.TRADITIONAL, "ECDHE+AESGCM:!aNULL");

        assertEquals(List.of(), tlsCodes(true));
    }

    @Test
    void eachProblemIsReportedAtItsBlock() throws Exception {
        Instant now = Instant.now();
        Issued listener = PKI.issue(Algorithm.RSA, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3)), "shop.test");
        Issued vhost = PKI.issue(Algorithm.EC, "elsewhere.test");
        writeTree(listener, KeyForm.PKCS8, vhost, KeyForm.ENCRYPTED_PKCS8, "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-CCM");

        List<Diagnostic> found = tls(true);

        assertEquals(List.of(Code.TLS_CERT_EXPIRING, Code.TLS_NAME_MISMATCH, Code.TLS_UNKNOWN_CIPHER, Code.TLS_ENCRYPTED_KEY),
                found.stream().map(Diagnostic::code).sorted(Comparator.comparing(Code::id)).toList());
        for (Diagnostic d : found) {
            boolean listenerProblem = d.code() == Code.TLS_CERT_EXPIRING || d.code() == Code.TLS_UNKNOWN_CIPHER;
            assertEquals(listenerProblem ? root.resolve("conf/httpd_config.conf") : root.resolve("conf/vhost.conf"), d.span().file());
            assertTrue(d.span().line() > 0);
        }
        assertEquals(List.of(), tlsCodes(false), "--no-fs reads no files");
    }

    private void writeTree(Issued listener, KeyForm listenerForm, Issued vhost, KeyForm vhostForm, String ciphers) throws Exception {
        Path conf = Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("site/html"));
        Files.writeString(conf.resolve("mime.properties"), "html = text/html\n");
        listener.writeKey(conf.resolve("listener.key"), listenerForm);
        listener.writeCertificate(conf.resolve("listener.crt"));
        vhost.writeKey(conf.resolve("vhost.key"), vhostForm);
        vhost.writeCertificate(conf.resolve("vhost.crt"));
        Files.writeString(conf.resolve("httpd_config.conf"), String.join("\n",
                "mime conf/mime.properties",
                "virtualhost shop {",
                "  vhRoot site/",
                "  configFile conf/vhost.conf",
                "}",
                "listener ssl {",
                "  address 127.0.0.1:8443",
                "  secure 1",
                "  keyFile conf/listener.key",
                "  certFile conf/listener.crt",
                "  ciphers " + ciphers,
                "  map shop shop.test",
                "}",
                ""));
        Files.writeString(conf.resolve("vhost.conf"), String.join("\n",
                "docRoot $VH_ROOT/html/",
                "vhDomain blog.test",
                "vhssl {",
                "  keyFile conf/vhost.key",
                "  certFile conf/vhost.crt",
                "}",
                ""));
    }

    private List<Code> tlsCodes(boolean readFiles) {
        return tls(readFiles).stream().map(Diagnostic::code).toList();
    }

    private List<Diagnostic> tls(boolean readFiles) {
        return ConfigLoader.load(root.resolve("conf/httpd_config.conf"), new LoadOptions(Optional.empty(), readFiles)).diagnostics()
                .stream().filter(d -> d.code().id().startsWith("WSP4")).toList();
    }
}
