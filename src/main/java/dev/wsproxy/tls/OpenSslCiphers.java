package dev.wsproxy.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns an OpenSSL cipher string ({@code ciphers} in OLS) into Java cipher suite names. Explicit names go
 * through a table; the keywords OLS configs use ({@code HIGH}, {@code ECDHE}, {@code AESGCM}, {@code aNULL},
 * {@code MD5}, {@code A+B} intersections, {@code !}/{@code -}/{@code +} prefixes) are applied to the suites
 * the JDK enables by default, so nothing the JDK thinks unsafe is ever switched on. As in OpenSSL, the
 * string governs TLS 1.2 and older; TLS 1.3 suites stay on unless named ({@code TLS_AES_128_GCM_SHA256}).
 */
public final class OpenSslCiphers {
    private static final Map<String, String> NAMES = loadNames();
    private static final Map<String, Predicate<String>> KEYWORDS = keywords();
    private static final String SCSV = "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";

    private OpenSslCiphers() {
    }

    /**
     * The outcome: the suites to enable in preference order, and the names that have no Java equivalent
     * (or one the JDK does not enable), which were ignored.
     */
    public record Selection(List<String> suites, List<String> unmapped) {
        public Selection {
            suites = List.copyOf(suites);
            unmapped = List.copyOf(unmapped);
        }

        /** Whether any suite serves TLS 1.2 or older; OpenSSL refuses a cipher string that selects none. */
        private boolean servesTls12() {
            return suites.stream().anyMatch(s -> s.contains("_WITH_"));
        }

        /** Whether these suites let every enabled protocol version shake hands. */
        public boolean isUsableWith(List<String> protocols) {
            boolean onlyTls13 = protocols.stream().allMatch("TLSv1.3"::equals);
            return !suites.isEmpty() && (onlyTls13 || servesTls12());
        }
    }

    /** The suites the JDK enables by default, in its preference order. */
    public static List<String> jdkDefaults() {
        try {
            return List.of(javax.net.ssl.SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no TLS implementation", e);
        }
    }

    /**
     * @param available the suites the JDK enables by default, in its preference order
     */
    public static Selection select(String cipherString, List<String> available) {
        List<String> legacy = available.stream().filter(s -> !isTls13(s) && !s.equals(SCSV)).toList();
        Set<String> chosen = new LinkedHashSet<>();
        Set<String> killed = new java.util.HashSet<>();
        List<String> tls13Named = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (String token : cipherString.split("[:, ;]+")) {
            if (token.isEmpty() || token.startsWith("@")) {
                continue; // @STRENGTH and @SECLEVEL=n: ordering and OpenSSL policy, nothing for the JDK to do
            }
            char op = "!-+".indexOf(token.charAt(0)) >= 0 ? token.charAt(0) : ' ';
            String term = op == ' ' ? token : token.substring(1);
            List<String> matching = matching(term, available, legacy);
            if (matching == null) {
                unmapped.add(term);
                continue;
            }
            switch (op) {
                case '!' -> {
                    killed.addAll(matching);
                    chosen.removeAll(matching);
                }
                case '-' -> chosen.removeAll(matching);
                case '+' -> matching.stream().filter(chosen::remove).toList().forEach(chosen::add);
                default -> matching.stream().filter(s -> !killed.contains(s)).forEach(s -> {
                    chosen.add(s);
                    if (isTls13(s)) {
                        tls13Named.add(s);
                    }
                });
            }
        }
        List<String> suites = new ArrayList<>();
        List<String> tls13 = tls13Named.isEmpty() ? available.stream().filter(OpenSslCiphers::isTls13).toList() : tls13Named;
        tls13.stream().filter(s -> !killed.contains(s)).forEach(suites::add);
        chosen.stream().filter(s -> !isTls13(s)).forEach(suites::add);
        if (!suites.isEmpty() && available.contains(SCSV)) {
            suites.add(SCSV);
        }
        return new Selection(suites, unmapped);
    }

    /** The suites a term selects, or null when the term means nothing here. */
    private static List<String> matching(String term, List<String> available, List<String> legacy) {
        String javaName = term.startsWith("TLS_") || term.startsWith("SSL_") ? term : NAMES.get(term.toUpperCase(Locale.ROOT));
        if (javaName != null) {
            return available.contains(javaName) ? List.of(javaName) : null;
        }
        Predicate<String> all = s -> true;
        for (String part : term.split("\\+")) {
            Predicate<String> keyword = KEYWORDS.get(part);
            if (keyword == null) {
                return null;
            }
            all = all.and(keyword);
        }
        return legacy.stream().filter(all).toList();
    }

    private static boolean isTls13(String suite) {
        return suite.startsWith("TLS_") && !suite.contains("_WITH_") && !suite.equals(SCSV);
    }

    private static Map<String, Predicate<String>> keywords() {
        Map<String, Predicate<String>> k = new HashMap<>();
        Predicate<String> none = s -> false;
        Predicate<String> anon = s -> s.contains("_anon_");
        Predicate<String> nullCipher = s -> s.contains("_WITH_NULL_");
        Predicate<String> ecdhe = s -> s.contains("_ECDHE_");
        Predicate<String> dhe = s -> s.contains("_DHE_");
        Predicate<String> rsaKx = s -> s.contains("_RSA_WITH_") && !s.contains("DHE_") && !s.contains("ECDH_");
        Predicate<String> aes = s -> s.contains("_AES_");
        Predicate<String> chacha = s -> s.contains("_CHACHA20_");
        Predicate<String> tripleDes = s -> s.contains("_3DES_");
        Predicate<String> rc4 = s -> s.contains("_RC4_");
        alias(k, s -> !nullCipher.test(s), "ALL");
        alias(k, s -> true, "DEFAULT");
        alias(k, aes.or(chacha), "HIGH");
        alias(k, tripleDes.or(rc4), "MEDIUM");
        alias(k, s -> s.contains("_DES_CBC_"), "LOW", "DES");
        alias(k, s -> s.contains("_EXPORT"), "EXPORT", "EXP");
        alias(k, anon, "aNULL", "ADH", "AECDH");
        alias(k, nullCipher, "eNULL", "NULL");
        alias(k, ecdhe, "ECDHE", "EECDH", "kECDHE", "kEECDH");
        alias(k, dhe, "DHE", "EDH", "kDHE", "kEDH");
        alias(k, s -> s.contains("_ECDH"), "kECDH", "ECDH");
        alias(k, rsaKx, "RSA", "kRSA");
        alias(k, s -> s.contains("_RSA_WITH_") && !s.contains("ECDH_RSA"), "aRSA");
        alias(k, s -> s.contains("_ECDSA_WITH_"), "ECDSA", "aECDSA");
        alias(k, s -> s.contains("_DSS_WITH_"), "DSS", "aDSS");
        alias(k, aes, "AES");
        alias(k, s -> s.contains("_AES_128_"), "AES128");
        alias(k, s -> s.contains("_AES_256_"), "AES256");
        alias(k, s -> s.contains("_AES_") && s.contains("_GCM_"), "AESGCM");
        alias(k, chacha, "CHACHA20");
        alias(k, tripleDes, "3DES");
        alias(k, rc4, "RC4");
        alias(k, s -> s.endsWith("_MD5"), "MD5");
        alias(k, s -> s.endsWith("_SHA"), "SHA1", "SHA");
        alias(k, s -> s.endsWith("_SHA256"), "SHA256");
        alias(k, s -> s.endsWith("_SHA384"), "SHA384");
        alias(k, s -> s.contains("_CBC_") && s.endsWith("_SHA"), "SSLv3", "TLSv1", "TLSv1.0");
        alias(k, s -> s.endsWith("_SHA256") || s.endsWith("_SHA384"), "TLSv1.2");
        alias(k, none, "PSK", "kPSK", "aPSK", "SRP", "kSRP", "aSRP", "CAMELLIA", "ARIA", "SEED", "IDEA", "AESCCM", "AESCCM8",
                "COMPLEMENTOFDEFAULT", "COMPLEMENTOFALL", "aGOST", "kGOST", "GOST89MAC", "SUITEB128", "SUITEB192");
        return Map.copyOf(k);
    }

    private static void alias(Map<String, Predicate<String>> keywords, Predicate<String> predicate, String... names) {
        for (String name : names) {
            keywords.put(name, predicate);
        }
    }

    private static Map<String, String> loadNames() {
        Map<String, String> names = new HashMap<>();
        var resource = Objects.requireNonNull(OpenSslCiphers.class.getResourceAsStream("openssl-cipher-names.txt"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.US_ASCII))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                String[] columns = line.split("\\s+");
                names.put(columns[0], columns[1]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
