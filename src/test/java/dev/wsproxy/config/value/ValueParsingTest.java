package dev.wsproxy.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.model.AclEntry;
import dev.wsproxy.config.model.ExpiresSettings.Rule;
import dev.wsproxy.config.model.HeaderOp.Action;
import dev.wsproxy.config.model.HeaderOp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Access lists, header operations, expires rules, numbers, URIs and map domains. */
class ValueParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "10.1.2.3, 10.1.2.3, 32, false",
            "192.168.1.*, 192.168.1.0, 24, false",
            "192.168.*, 192.168.0.0, 16, false",
            "192.168.128, 192.168.128.0, 24, false",
            "192.168.128., 192.168.128.0, 24, false",
            "10.0.0.0/8, 10.0.0.0, 8, false",
            "10.0.0.0/255.255.0.0, 10.0.0.0, 16, false",
            "10.0.0.1T, 10.0.0.1, 32, true",
            "::1, 0:0:0:0:0:0:0:1, 128, false",
            "'[::1]', 0:0:0:0:0:0:0:1, 128, false",
            "fd00::/8, fd00:0:0:0:0:0:0:0, 8, false"})
    void aclEntries(String text, String network, int prefix, boolean trusted) {
        AclEntry.Network entry = (AclEntry.Network) AclLists.parse(text).get().orElseThrow().get(0);
        assertEquals(network, entry.network().getHostAddress());
        assertEquals(prefix, entry.prefixLength());
        assertEquals(trusted, entry.trusted());
    }

    @Test
    void aclListSeparatorsAndAll() {
        List<AclEntry> entries = AclLists.parse("ALL, 10.0.0.1 192.168.1.*\n::1,*").get().orElseThrow();
        assertEquals(5, entries.size());
        assertInstanceOf(AclEntry.Any.class, entries.get(0));
        assertInstanceOf(AclEntry.Any.class, entries.get(4));
    }

    @Test
    void badAclEntryPointsAtItsOffset() {
        Parsed.Bad<List<AclEntry>> bad = (Parsed.Bad<List<AclEntry>>) AclLists.parse("10.0.0.1, example.com");
        assertEquals(Expected.ADDRESS, bad.expected());
        assertEquals(10, bad.offset());
    }

    @Test
    void headerOperations() {
        List<HeaderOp> ops = HeaderOps.parse("""
                Header always set X-Frame-Options SAMEORIGIN
                unset Server
                append Vary Accept-Encoding
                X-Powered-By: wsproxy
                RequestHeader set X-Ignored 1
                merge Cache-Control public""").get().orElseThrow();
        assertEquals(List.of(new HeaderOp(Action.SET, "X-Frame-Options", "SAMEORIGIN"),
                new HeaderOp(Action.UNSET, "Server", ""), new HeaderOp(Action.APPEND, "Vary", "Accept-Encoding"),
                new HeaderOp(Action.ADD, "X-Powered-By", "wsproxy"),
                new HeaderOp(Action.MERGE, "Cache-Control", "public")), ops);
        assertEquals(List.of(), HeaderOps.parse("set A 1\nnone").get().orElseThrow(), "none clears the list");
        assertEquals(Expected.VALUE, ((Parsed.Bad<List<HeaderOp>>) HeaderOps.parse("frobnicate X 1")).expected());
    }

    @Test
    void expiresRules() {
        assertEquals(new Rule(false, 3600), ExpiresRules.rule("A3600").get().orElseThrow());
        assertEquals(new Rule(true, 60), ExpiresRules.rule("M60").get().orElseThrow());
        assertEquals(new Rule(false, 604800),
                ExpiresRules.byType("image/*=A604800, text/css=M10").get().orElseThrow().get("image/*"));
        assertTrue(ExpiresRules.rule("3600").get().isEmpty());
    }

    @Test
    void numbersWithSuffixesAndRanges() {
        assertEquals(64L * 1024, Numbers.number("64K").get().orElseThrow());
        assertEquals(2L << 20, Numbers.number("2M").get().orElseThrow());
        assertEquals(Expected.NUMBER, ((Parsed.Bad<Long>) Numbers.number("10  compressArchive 1")).expected());
        assertEquals(Expected.NUMBER, ((Parsed.Bad<Long>) Numbers.number("61", 0, 60)).expected());
        assertEquals(Expected.SWITCH, ((Parsed.Bad<Boolean>) Numbers.bool("yes")).expected());
    }

    @Test
    void regexErrorPointsAtItsColumnInTheValue() {
        Parsed.Bad<?> bad = (Parsed.Bad<?>) Uris.parse("exp:^/chat/(room");
        assertEquals(Expected.REGEX, bad.expected());
        assertEquals("exp:^/chat/(room".length(), bad.offset(), "at the end, where the group is left open");
        Parsed.Bad<?> pcre = (Parsed.Bad<?>) Uris.parse("exp:^/(?P<id>[0-9]+)$");
        assertEquals("exp:^/(?".length(), pcre.offset(), "PCRE-only (?P<name> is an error at the P");
    }

    @Test
    void mapDomainsAreNormalisedAsOlsDoes() {
        assertEquals(List.of("example.com", "a.example.com", "*.example.org", "[::1]", "*"),
                Domains.list(" WWW.Example.com:8080 , a.example.com,, *.example.org, [::1]:80, *"));
        assertEquals(List.of("a.com b.com"), Domains.list("a.com b.com"), "only commas separate");
    }
}
