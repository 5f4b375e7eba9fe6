package dev.wsproxy.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSslCiphersTest {
    /** A fixed stand-in for the JDK's default list, so the expectations do not move with the JDK. */
    private static final List<String> JDK = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
    private static final List<String> TLS13 = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");

    @Test
    void mapsExplicitNamesInTheGivenOrderAndKeepsTls13() {
        var selection = OpenSslCiphers.select("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384", JDK);

        assertEquals(concat(TLS13, List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_EMPTY_RENEGOTIATION_INFO_SCSV")), selection.suites());
        assertEquals(List.of(), selection.unmapped());
    }

    @Test
    void namesWithoutAJavaEquivalentAreIgnoredAndReported() {
        var selection = OpenSslCiphers.select("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-CCM8:DES-CBC3-SHA:BOGUS", JDK);

        assertEquals(List.of("ECDHE-ECDSA-AES128-CCM8", "DES-CBC3-SHA", "BOGUS"), selection.unmapped(),
                "CCM8 has no Java suite, the JDK does not enable 3DES, BOGUS is nothing");
        assertTrue(selection.suites().contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void keywordsIntersectionsAndExclusionsWorkOnTheJdkList() {
        var selection = OpenSslCiphers.select("ECDHE+AESGCM:HIGH:!aNULL:!MD5:!RSA:-SHA", JDK);

        assertEquals(concat(TLS13, List.of(
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_EMPTY_RENEGOTIATION_INFO_SCSV")), selection.suites(),
                "ECDHE AES-GCM first, then the rest of HIGH; static RSA killed, CBC-SHA1 removed");
        assertEquals(List.of(), selection.unmapped());
    }

    @Test
    void aKilledSuiteStaysOutEvenWhenAddedAgain() {
        var selection = OpenSslCiphers.select("!ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA", JDK);

        assertFalse(selection.suites().contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertTrue(selection.suites().contains("TLS_RSA_WITH_AES_128_CBC_SHA"));
    }

    @Test
    void namingTls13SuitesLimitsTls13ToThem() {
        var selection = OpenSslCiphers.select("TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256", JDK);

        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
                selection.suites());
        assertTrue(selection.isUsableWith(List.of("TLSv1.3", "TLSv1.2")));
    }

    @Test
    void keywordsWithNothingInJavaSelectNothingForTls12() {
        var selection = OpenSslCiphers.select("CAMELLIA:@STRENGTH", JDK);

        assertFalse(selection.isUsableWith(List.of("TLSv1.3", "TLSv1.2")), "TLS 1.2 clients would have no suite");
        assertTrue(selection.isUsableWith(List.of("TLSv1.3")), "TLS 1.3 suites are not governed by the list");
        assertEquals(List.of(), selection.unmapped(), "known OpenSSL keywords are not misspellings");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
