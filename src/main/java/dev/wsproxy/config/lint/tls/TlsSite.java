package dev.wsproxy.config.lint.tls;

import dev.wsproxy.config.model.HostMapping;
import dev.wsproxy.config.model.Listener;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.TlsSettings;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.tls.KeyMaterialException;
import dev.wsproxy.tls.PemCertificates;
import dev.wsproxy.tls.PemPrivateKeys;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A place that serves a certificate: a secure listener or a vhost's {@code vhssl}, with the domains of each
 * vhost it is served for (a listener's certificate is served for its mapped vhosts that have no vhssl).
 */
record TlsSite(String label, boolean isVhssl, TlsSettings tls, Map<String, List<String>> domainsByVhost) {

    static List<TlsSite> all(ServerConfig config) {
        Map<String, VirtualHost> vhosts = new LinkedHashMap<>();
        config.virtualHosts().forEach(v -> vhosts.put(v.name(), v));
        Map<String, Set<String>> mappedDomains = new LinkedHashMap<>();
        for (Listener listener : config.listeners()) {
            for (HostMapping mapping : listener.mappings()) {
                Set<String> domains = mappedDomains.computeIfAbsent(mapping.vhostName(), n -> new LinkedHashSet<>());
                if (!mapping.isCatchAll()) {
                    domains.add(mapping.domain());
                }
            }
        }
        List<TlsSite> sites = new ArrayList<>();
        for (Listener listener : config.listeners()) {
            Map<String, List<String>> served = new LinkedHashMap<>();
            listener.mappings().stream().map(m -> vhosts.get(m.vhostName()))
                    .filter(v -> v != null && v.vhssl().isEmpty())
                    .forEach(v -> served.putIfAbsent(v.name(), domainsOf(v, mappedDomains.get(v.name()))));
            if (listener.secure()) {
                listener.tls().ifPresent(tls -> sites.add(new TlsSite("listener " + listener.name(), false, tls, served)));
            }
        }
        for (VirtualHost vhost : config.virtualHosts()) {
            vhost.vhssl().ifPresent(tls -> sites.add(new TlsSite("vhssl of virtual host " + vhost.name(), true, tls,
                    Map.of(vhost.name(), domainsOf(vhost, mappedDomains.getOrDefault(vhost.name(), Set.of()))))));
        }
        return sites;
    }

    private static List<String> domainsOf(VirtualHost vhost, Set<String> mapped) {
        return Stream.concat(Stream.concat(Stream.of(vhost.domain()), vhost.aliases().stream()), mapped.stream())
                .filter(d -> d != null && !d.isBlank() && !d.strip().equals("*")).map(String::strip).distinct().toList();
    }

    /** The files this site reads, each with the directive that names it. */
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("keyFile", tls.keyFile());
        files.put("certFile", tls.certFile());
        tls.caCertFile().ifPresent(chain -> files.put("CACertFile", chain));
        return files;
    }

    /** The private key, when it can be read; what stops it is another check's business. */
    Optional<PrivateKey> key() {
        return quietly(PemPrivateKeys::read, tls.keyFile());
    }

    /** certFile's certificates followed by CACertFile's, leaf first; empty when any file cannot be read. */
    Optional<List<X509Certificate>> chain() {
        Optional<List<X509Certificate>> certs = quietly(PemCertificates::read, tls.certFile());
        if (certs.isEmpty() || tls.caCertFile().isEmpty()) {
            return certs;
        }
        return quietly(PemCertificates::read, tls.caCertFile().get()).map(more -> {
            List<X509Certificate> all = new ArrayList<>(certs.get());
            all.addAll(more);
            return List.copyOf(all);
        });
    }

    /** A reader that may fail, for {@link #quietly}. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path file) throws KeyMaterialException;
    }

    static <T> Optional<T> quietly(Reader<T> reader, Path file) {
        try {
            return Optional.of(reader.read(file));
        } catch (KeyMaterialException e) {
            return Optional.empty();
        }
    }

    /** The problem reading {@code file} with {@code reader}, if any. */
    static Optional<KeyMaterialException> problem(Reader<?> reader, Path file) {
        try {
            reader.read(file);
            return Optional.empty();
        } catch (KeyMaterialException e) {
            return Optional.of(e);
        }
    }
}
