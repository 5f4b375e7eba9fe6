package dev.wsproxy.tls;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads the X.509 certificates of a PEM {@code certFile} or {@code CACertFile}, in file order. */
public final class PemCertificates {

    private PemCertificates() {
    }

    public static List<X509Certificate> read(Path file) throws KeyMaterialException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemBlock block : PemBlock.readAll(file)) {
            if (block.type().equals("CERTIFICATE") || block.type().equals("TRUSTED CERTIFICATE")) {
                certificates.add(parse(file, block.der(), certificates.size() + 1));
            }
        }
        if (certificates.isEmpty()) {
            throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, "no certificate in the file: expected a \"-----BEGIN CERTIFICATE-----\" block");
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate parse(Path file, byte[] der, int position) throws KeyMaterialException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new KeyMaterialException(file, KeyMaterialException.Kind.INVALID, "certificate #" + position + " is damaged (" + e.getMessage() + ")");
        }
    }
}
