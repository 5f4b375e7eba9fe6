package dev.wsproxy.tls;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A throw-away certificate authority made at test time: issues server certificates (RSA or EC, any
 * names, any validity) and writes keys in every PEM form OLS users have on disk.
 */
public final class TestPki {
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** The key algorithms the tests need. */
    public enum Algorithm { RSA, EC }

    /** How a key is written: PKCS#8, the OpenSSL "traditional" form (PKCS#1 RSA, SEC1 EC), or encrypted. */
    public enum KeyForm { PKCS8, TRADITIONAL, ENCRYPTED_PKCS8, ENCRYPTED_TRADITIONAL }

    private final Issued authority;
    private final X509Certificate root;

    private TestPki(Issued authority, X509Certificate root) {
        this.authority = authority;
        this.root = root;
    }

    /** A new self-signed root CA. */
    public static TestPki create(String name) {
        KeyPair keys = generate(Algorithm.EC);
        X500Name subject = new X500Name("CN=" + name);
        X509Certificate cert = sign(subject, keys, subject, keys.getPublic(), yesterday(), Instant.now().plus(Duration.ofDays(3650)), true, List.of());
        return new TestPki(new Issued(keys, cert, List.of()), cert);
    }

    /** An intermediate CA signed by this one; what it issues carries the intermediates in its chain. */
    public TestPki intermediate(String name) {
        KeyPair keys = generate(Algorithm.EC);
        X509Certificate cert = sign(subjectOf(authority.certificate()), authority.keys(), new X500Name("CN=" + name), keys.getPublic(),
                yesterday(), Instant.now().plus(Duration.ofDays(3650)), true, List.of());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        if (authority.certificate() != root) {
            chain.add(authority.certificate());
            chain.addAll(authority.intermediates());
        }
        return new TestPki(new Issued(keys, cert, chain.subList(1, chain.size())), root);
    }

    public X509Certificate caCertificate() {
        return root;
    }

    /** A server certificate valid from yesterday for a year, for {@code names} (DNS names or IP literals). */
    public Issued issue(Algorithm algorithm, String... names) {
        return issue(algorithm, yesterday(), Instant.now().plus(Duration.ofDays(365)), names);
    }

    public Issued issue(Algorithm algorithm, Instant notBefore, Instant notAfter, String... names) {
        KeyPair keys = generate(algorithm);
        X509Certificate cert = sign(subjectOf(authority.certificate()), authority.keys(),
                new X500Name("CN=" + (names.length > 0 ? names[0] : "no-name")), keys.getPublic(), notBefore, notAfter, false, List.of(names));
        List<X509Certificate> intermediates = new ArrayList<>();
        if (authority.certificate() != root) {
            intermediates.add(authority.certificate());
            intermediates.addAll(authority.intermediates());
        }
        return new Issued(keys, cert, intermediates);
    }

    /** A client context that trusts this CA's root (and nothing else). */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", root);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant yesterday() {
        return Instant.now().minus(Duration.ofDays(1));
    }

    private static X500Name subjectOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    /** A key pair, its certificate, and the intermediates between it and the root (nearest first). */
    public record Issued(KeyPair keys, X509Certificate certificate, List<X509Certificate> intermediates) {

        public Path writeCertificate(Path file) {
            return writePem(file, certificate);
        }

        public Path writeIntermediates(Path file) {
            return writePem(file, intermediates.toArray());
        }

        public Path writeKey(Path file, KeyForm form) {
            try {
                char[] passPhrase = "test-pass".toCharArray();
                Object pem = switch (form) {
                    case PKCS8 -> new JcaPKCS8Generator(keys.getPrivate(), null);
                    case TRADITIONAL -> traditional();
                    case ENCRYPTED_PKCS8 -> new JcaPKCS8Generator(keys.getPrivate(),
                            new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC).setPassword(passPhrase).build());
                    case ENCRYPTED_TRADITIONAL -> new JcaMiscPEMGenerator(keys.getPrivate(),
                            new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build(passPhrase));
                };
                return writePem(file, pem);
            } catch (OperatorCreationException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** PKCS#1 for RSA; for EC the SEC1 form OpenSSL writes, with the curve named in its parameters. */
        private Object traditional() {
            if (!(keys.getPrivate() instanceof ECPrivateKey ec)) {
                return keys.getPrivate();
            }
            try {
                byte[] publicKey = SubjectPublicKeyInfo.getInstance(((ECPublicKey) keys.getPublic()).getEncoded()).getPublicKeyData().getBytes();
                var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(), new DERBitString(publicKey), SECObjectIdentifiers.secp256r1);
                return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Path writePem(Path file, Object... objects) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                if (object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
                    pem.writeObject(generator);
                } else {
                    pem.writeObject(object);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static KeyPair generate(Algorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.name());
            if (algorithm == Algorithm.EC) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject, java.security.PublicKey subjectKey,
                                        Instant notBefore, Instant notAfter, boolean ca, List<String> names) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (!names.isEmpty()) {
                GeneralName[] alternatives = names.stream().map(n -> new GeneralName(
                        n.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName, n)).toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
            }
            String signature = issuerKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signature).build(issuerKeys.getPrivate())));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
