package dev.wsproxy.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.tls.TestPki.Algorithm;
import dev.wsproxy.tls.TestPki.Issued;
import dev.wsproxy.tls.TestPki.KeyForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemPrivateKeysTest {
    private static Issued rsa;
    private static Issued ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        TestPki pki = TestPki.create("Key Test CA");
        rsa = pki.issue(Algorithm.RSA, "rsa.example");
        ec = pki.issue(Algorithm.EC, "ec.example");
    }

    @ParameterizedTest(name = "{0} key as {1}")
    @CsvSource({"RSA, PKCS8", "RSA, TRADITIONAL", "EC, PKCS8", "EC, TRADITIONAL"})
    void readsEveryUnencryptedFormAsTheKeyThatMatchesItsCertificate(Algorithm algorithm, KeyForm form) throws Exception {
        Issued issued = algorithm == Algorithm.RSA ? rsa : ec;
        Path file = issued.writeKey(dir.resolve("key.pem"), form);
        assertTrue(Files.readString(file).contains(expectedHeader(algorithm, form)), "the test wrote the form it meant to");

        PrivateKey key = PemPrivateKeys.read(file);

        assertEquals(algorithm.name(), key.getAlgorithm());
        assertTrue(KeyPairs.matches(key, issued.certificate().getPublicKey()));
    }

    private static String expectedHeader(Algorithm algorithm, KeyForm form) {
        return form == KeyForm.PKCS8 ? "BEGIN PRIVATE KEY" : algorithm == Algorithm.RSA ? "BEGIN RSA PRIVATE KEY" : "BEGIN EC PRIVATE KEY";
    }

    @Test
    void skipsTheEcParametersBlockOpensslEcparamWritesFirst() throws Exception {
        Path file = ec.writeKey(dir.resolve("key.pem"), KeyForm.TRADITIONAL);
        Files.writeString(file, "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + Files.readString(file));

        assertEquals("EC", PemPrivateKeys.read(file).getAlgorithm());
    }

    @ParameterizedTest
    @CsvSource({"ENCRYPTED_PKCS8", "ENCRYPTED_TRADITIONAL"})
    void refusesEncryptedKeysSayingWhy(KeyForm form) {
        Path file = rsa.writeKey(dir.resolve("key.pem"), form);

        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> PemPrivateKeys.read(file));

        assertEquals(file, e.file());
        assertTrue(e.reason().contains("encrypted"), e.reason());
    }

    @Test
    void aCertificateGivenAsTheKeyIsNamedAsSuch() {
        Path file = rsa.writeCertificate(dir.resolve("cert.pem"));

        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> PemPrivateKeys.read(file));

        assertTrue(e.reason().contains("no private key") && e.reason().contains("CERTIFICATE"), e.reason());
    }

    @Test
    void aMissingFileAndANonPemFileGetTheirOwnReasons() throws Exception {
        KeyMaterialException missing = assertThrows(KeyMaterialException.class, () -> PemPrivateKeys.read(dir.resolve("nope.pem")));
        assertTrue(missing.reason().contains("does not exist"), missing.reason());

        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello\n");
        KeyMaterialException notPem = assertThrows(KeyMaterialException.class, () -> PemPrivateKeys.read(garbage));
        assertTrue(notPem.reason().contains("no PEM data"), notPem.reason());
    }

    @Test
    void aDamagedKeyIsReportedNotThrownRaw() throws Exception {
        Path file = Files.writeString(dir.resolve("key.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMAMCAQA=\n-----END RSA PRIVATE KEY-----\n");

        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> PemPrivateKeys.read(file));

        assertTrue(e.reason().contains("damaged"), e.reason());
    }
}
