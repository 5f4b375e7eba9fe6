package dev.wsproxy.config.lint.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.check.OlsDifferenceCheck;
import dev.wsproxy.config.model.AccessControl;
import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.ListenAddress;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.LogSettings;
import dev.wsproxy.config.model.MimeTypes;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.ScriptHandlers;
import dev.wsproxy.config.model.SymlinkPolicy;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.tls.TestPki;
import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each TLS lint check on a secure listener whose files are made at test time: one config that must trigger
 * it and one close to it that must not.
 */
class TlsLintChecksTest {
    private static TestPki pki;
    private static Issued shop;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("Lint Test CA");
        shop = pki.issue(Algorithm.EC, "shop.test", "www.shop.test");
    }

    @Test
    void missingFiles() throws Exception {
        assertEquals(List.of(), codes(new TlsFilesCheck()::check, config(good(shop))));

        TlsSettings missing = withFiles(good(shop), dir.resolve("nope.key"), null);
        Diagnostic d = only(new TlsFilesCheck()::check, config(missing));
        assertEquals(Code.TLS_FILE_MISSING, d.code());
        assertTrue(d.summary().contains("keyFile") && d.summary().contains("does not exist"), d.summary());
        assertEquals(span(), d.span());
    }

    @Test
    void filesThatHoldNoKeyOrCertificate() throws Exception {
        Path swapped = shop.writeCertificate(dir.resolve("cert-as-key.pem"));
        Diagnostic d = only(new TlsFilesCheck()::check, config(withFiles(good(shop), swapped, null)));
        assertEquals(Code.TLS_FILE_INVALID, d.code());
        assertTrue(d.summary().contains("no private key"), d.summary());

        Path empty = Files.writeString(dir.resolve("empty.crt"), "");
        assertEquals(Code.TLS_FILE_INVALID, only(new TlsFilesCheck()::check, config(withFiles(good(shop), null, empty))).code());
    }

    @Test
    void encryptedKeys() {
        assertEquals(List.of(), codes(new EncryptedKeyCheck()::check, config(good(shop))));

        for (KeyForm form : List.of(KeyForm.ENCRYPTED_PKCS8, KeyForm.ENCRYPTED_TRADITIONAL)) {
            Path key = shop.writeKey(dir.resolve(form + ".key"), form);
            TlsSettings encrypted = withFiles(good(shop), key, null);
            assertEquals(Code.TLS_ENCRYPTED_KEY, only(new EncryptedKeyCheck()::check, config(encrypted)).code());
            assertEquals(List.of(), codes(new TlsFilesCheck()::check, config(encrypted)), "reported once, by its own check");
        }
    }

    @Test
    void aKeyThatIsNotTheCertificates() {
        assertEquals(List.of(), codes(new KeyCertificateMatchCheck()::check, config(good(shop))));
        Issued other = pki.issue(Algorithm.EC, "shop.test");

        Path otherKey = other.writeKey(dir.resolve("other.key"), KeyForm.TRADITIONAL);
        assertEquals(Code.TLS_KEY_MISMATCH, only(new KeyCertificateMatchCheck()::check, config(withFiles(good(shop), otherKey, null))).code());
    }

    @Test
    void aChainOutOfOrder() throws Exception {
        TestPki middle = pki.intermediate("Lint Intermediate A").intermediate("Lint Intermediate B");
        Issued leaf = middle.issue(Algorithm.RSA, "shop.test");
        assertEquals(2, leaf.intermediates().size());
        TlsSettings inOrder = withChain(good(leaf), leaf.writeIntermediates(dir.resolve("chain.pem")));
        assertEquals(List.of(), codes(new CertificateChainOrderCheck()::check, config(inOrder)));

        Path reversed = dir.resolve("reversed.pem");
        Files.writeString(reversed, pemOf(leaf.intermediates().get(1), "r1") + pemOf(leaf.intermediates().get(0), "r0"));
        Diagnostic d = only(new CertificateChainOrderCheck()::check, config(withChain(good(leaf), reversed)));
        assertEquals(Code.TLS_CHAIN_ORDER, d.code());
        assertTrue(d.summary().contains("certificate #1"), d.summary());
    }

    @Test
    void expiredAndSoonExpiringCertificates() {
        Instant now = Instant.now();
        Issued fresh = pki.issue(Algorithm.EC, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(15)), "shop.test");
        assertEquals(List.of(), codes(new CertificateExpiryCheck()::check, config(good(fresh))), "15 days left is fine");

        Issued soon = pki.issue(Algorithm.EC, now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(13)), "shop.test");
        assertEquals(Code.TLS_CERT_EXPIRING, only(new CertificateExpiryCheck()::check, config(good(soon))).code());

        Issued expired = pki.issue(Algorithm.EC, now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1)), "shop.test");
        assertEquals(Code.TLS_CERT_EXPIRED, only(new CertificateExpiryCheck()::check, config(good(expired))).code());
    }

    @Test
    void aCertificateForOtherNames() {
        assertEquals(List.of(), codes(new CertificateNamesCheck()::check, config(good(shop))));
        Issued wildcard = pki.issue(Algorithm.EC, "*.shop.test");
        assertEquals(List.of(), codes(new CertificateNamesCheck()::check, config(good(wildcard))), "www.shop.test is under *.shop.test");
        Issued noSan = pki.issue(Algorithm.RSA);
        assertEquals(List.of(), codes(new CertificateNamesCheck()::check, configFor("no-name", good(noSan))), "CN fallback");

        Issued elsewhere = pki.issue(Algorithm.EC, "blog.test", "*.blog.test");
        Diagnostic d = only(new CertificateNamesCheck()::check, config(good(elsewhere)));
        assertEquals(Code.TLS_NAME_MISMATCH, d.code());
        assertTrue(d.summary().contains("blog.test") && d.summary().contains("shop.test"), d.summary());
    }

    @Test
    void cipherNamesJavaLacks() {
        assertEquals(List.of(), codes(new CipherListCheck()::check, config(withCiphers(good(shop), "ECDHE+AESGCM:!aNULL:!MD5"))));

        Diagnostic d = only(new CipherListCheck()::check, config(withCiphers(good(shop), "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-CCM8")));
        assertEquals(Code.TLS_UNKNOWN_CIPHER, d.code());
        assertTrue(d.summary().contains("ECDHE-ECDSA-AES128-CCM8") && !d.summary().contains("GCM"), d.summary());

        List<Code> none = codes(new CipherListCheck()::check, config(withCiphers(good(shop), "CAMELLIA:SEED")));
        assertEquals(List.of(Code.TLS_NO_CIPHER), none);
    }

    @Test
    void aCipherListInVhsslIsSaidToHaveNoEffect() {
        ServerConfig config = config(good(shop));
        VirtualHost plain = config.virtualHosts().get(0);
        VirtualHost withVhssl = new VirtualHost(plain.name(), plain.vhRoot(), plain.docRoot(), plain.domain(), plain.aliases(),
                plain.symlinks(), plain.scripts(), plain.accessControl(), plain.errorPages(), plain.accessLog(), plain.contexts(), plain.webSockets(),
                Optional.of(withCiphers(good(shop), "ECDHE+AESGCM")), plain.span());
        ServerConfig both = new ServerConfig(config.serverRoot(), config.configFile(), config.serverName(), config.mime(), config.errorLog(),
                config.accessLog(), config.tuning(), config.accessControl(), config.gracefulRestartTimeoutSeconds(), config.extProcessors(),
                config.listeners(), List.of(withVhssl));

        Diagnostic d = only(new OlsDifferenceCheck()::check, both);

        assertEquals(Code.DIFFERS_FROM_OLS, d.code());
        assertEquals(List.of(), codes(new CipherListCheck()::check, both), "the listener's list is fine");
        assertTrue(d.summary().startsWith("vhssl of virtual host shop"), d.summary());
    }

    // ---- fixture: one secure listener mapping shop.test to vhost "shop"; the certificate is the listener's

    private TlsSettings good(Issued issued) {
        String name = issued.certificate().getSerialNumber().toString();
        return new TlsSettings(issued.writeKey(dir.resolve(name + ".key"), KeyForm.PKCS8), issued.writeCertificate(dir.resolve(name + ".crt")),
                Optional.empty(), 0, Optional.empty(), 0, span());
    }

    private TlsSettings withFiles(TlsSettings tls, Path key, Path cert) {
        return new TlsSettings(key == null ? tls.keyFile() : key, cert == null ? tls.certFile() : cert, tls.caCertFile(),
                tls.sslProtocol(), tls.ciphers(), tls.enableSpdy(), tls.span());
    }

    private TlsSettings withChain(TlsSettings tls, Path chain) {
        return new TlsSettings(tls.keyFile(), tls.certFile(), Optional.of(chain), tls.sslProtocol(), tls.ciphers(), tls.enableSpdy(), tls.span());
    }

    private TlsSettings withCiphers(TlsSettings tls, String ciphers) {
        return new TlsSettings(tls.keyFile(), tls.certFile(), tls.caCertFile(), tls.sslProtocol(), Optional.of(ciphers), tls.enableSpdy(), tls.span());
    }

    private ServerConfig config(TlsSettings listenerTls) {
        return configFor("shop.test", listenerTls);
    }

    private ServerConfig configFor(String domain, TlsSettings listenerTls) {
        VirtualHost vhost = new VirtualHost("shop", dir, dir, domain, List.of(), SymlinkPolicy.OLS_DEFAULT, ScriptHandlers.NONE,
                AccessControl.ALLOW_ALL, Map.of(), Optional.empty(), List.of(), List.of(), Optional.empty(), span());
        Listener listener = new Listener("SSL", new ListenAddress("*:443", "0.0.0.0", 443), true, Optional.of(listenerTls),
                List.of(new HostMapping(domain, "shop", span())), span());
        LogSettings log = new LogSettings(dir.resolve("error.log"), "INFO", false, Optional.empty());
        return new ServerConfig(dir, dir.resolve("httpd_config.conf"), "test", new MimeTypes(Map.of(), "application/octet-stream"), log, log,
                Tuning.OLS_DEFAULT, AccessControl.ALLOW_ALL, 30, Map.of(), List.of(listener), List.of(vhost));
    }

    private Span span() {
        return Span.at(dir.resolve("httpd_config.conf"), 12, 3);
    }

    private static List<Code> codes(BiConsumer<ServerConfig, Diagnostics> check, ServerConfig config) {
        Diagnostics out = new Diagnostics();
        check.accept(config, out);
        return out.list().stream().map(Diagnostic::code).toList();
    }

    private static Diagnostic only(BiConsumer<ServerConfig, Diagnostics> check, ServerConfig config) {
        Diagnostics out = new Diagnostics();
        check.accept(config, out);
        assertEquals(1, out.list().size(), () -> out.list().toString());
        return out.list().get(0);
    }

    private String pemOf(java.security.cert.X509Certificate certificate, String name) throws Exception {
        Path file = dir.resolve(name + ".pem");
        new Issued(null, certificate, List.of()).writeCertificate(file);
        return Files.readString(file);
    }
}
