package dev.wsproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Severity;
import dev.wsproxy.config.lint.report.GccReporter;
import dev.wsproxy.config.schema.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real-world configs of the corpus ({@link Corpus}): each lints without an exception and without a syntax
 * error, each mistake the corpus's README lists is reported with the right code, and {@code lint --no-fs}
 * reports exactly the diagnostics of its golden file under {@code src/test/resources/realworld-lint/}, each
 * reviewed against what OLS does with the file, so a new false alarm fails.
 */
@Tag("corpus")
class RealWorldConfigsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/realworld-lint");
    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.span().isKnown() ? d.span().file().toString() : "")
            .thenComparingInt(d -> d.span().line()).thenComparingInt(d -> d.span().column())
            .thenComparing(d -> d.code().id());

    private static Path real() {
        return Corpus.folder("ols-realworld");
    }

    /** Every file INDEX.tsv lists, with its kind (server, vhost, template, snippet). */
    static Stream<String[]> indexed() throws IOException {
        return Files.readAllLines(real().resolve("INDEX.tsv")).stream().skip(1).map(l -> l.split("\t"))
                .map(cols -> new String[] {cols[0].replace('/', '_').replaceFirst("_", "__") + "/" + cols[1], cols[3]});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexed")
    void lintsWithoutSyntaxErrors(String file, String kind) {
        List<Diagnostic> found = lint(file, kind, true);
        assertEquals(List.of(), found.stream()
                .filter(d -> d.code().id().startsWith("WSP1") && d.severity() == Severity.ERROR).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexed")
    void lintWithoutFilesystemMatchesTheReviewedGolden(String file, String kind) throws IOException {
        GccReporter gcc = new GccReporter(real());
        String actual = lint(file, kind, false).stream().sorted(ORDER)
                .map(d -> gcc.format(d).replace(real() + "/", "") + "\n").collect(Collectors.joining());
        Golden.check(GOLDEN.resolve(file + ".diagnostics"), actual);
    }

    @Test
    void junkLineAtTheEndIsAnUnknownDirective() {
        assertReported("silentvw__cPanel-OLS/httpd_config.conf", "server", Code.UNKNOWN_DIRECTIVE, "`BREAK`");
    }

    @Test
    void strayFileNameInsideContextRewrite() {
        assertReported("4iTeam__da_lsws/conf/vhost.conf", "vhost", Code.UNKNOWN_DIRECTIVE, "`.htaccess2`");
    }

    @Test
    void barePathInsideRewrite() {
        assertReported("tujuhion__autoinstall/conf/vhconf.conf", "vhost", Code.UNKNOWN_DIRECTIVE,
                "`/home/defdomain/html/.htaccess`");
    }

    @Test
    void secureListenerWithoutCertificate() {
        assertReported("tujuhion__autoinstall/conf/httpd_config.conf", "server", Code.SECURE_WITHOUT_CERT, "`https`");
    }

    @Test
    void unknownListenerKey() {
        assertReported("cheneycha__payload-test/lsws/conf/httpd_config.conf", "server", Code.UNKNOWN_DIRECTIVE,
                "`redirectDomain`");
    }

    @Test
    void unknownContextKey() {
        assertReported("cheneycha__payload-test/lsws/conf/vhosts/payload_vhost/vhconf.conf0", "vhost",
                Code.UNKNOWN_DIRECTIVE, "`proxyHeaders`");
    }

    @Test
    void serverKeyAtVhostLevel() {
        assertReported("Ahmed-Aziz-Belkahia__NutriWeb1/vhconf.conf", "vhost", Code.NOT_ALLOWED_HERE,
                "`enableBrCompress`");
    }

    @Test
    void missingConfigFile() {
        assertReported("Khoavila12889__website/lsws/conf/httpd_config.conf", "server", Code.MISSING_CONFIG_FILE,
                "conf/vhosts/goldenfarm/vhconf.conf");
    }

    @Test
    void listenerWithoutMap() {
        assertReported("Khoavila12889__website/lsws/conf/httpd_config.conf", "server", Code.LISTENER_WITHOUT_MAP,
                "`Default`");
    }

    @Test
    void mapNamingAnUndefinedVhost() {
        assertReported("SolusTec__NuoPanel/config/httpd_config.conf", "server", Code.UNKNOWN_VHOST,
                "`chandpurtelecom.xyz`");
    }

    @Test
    void listenerNamesWithSpacesAreKept() {
        LoadResult result = ConfigLoader.load(real().resolve("SolusTec__NuoPanel/config/httpd_config.conf"),
                new LoadOptions(Optional.empty(), false));
        List<String> names = result.config().orElseThrow().listeners().stream().map(l -> l.name()).toList();
        assertTrue(names.containsAll(List.of("SSL IPv6", "panel IPv6")), names.toString());
    }

    @Test
    void proxiedSocketIoWithoutWebSocketBlock() {
        assertReported("fotsakir__Claude-AI-developer/openlitespeed/vhost-admin.conf", "vhost",
                Code.PROXY_WITHOUT_WEBSOCKET, "`/socket.io");
    }

    @Test
    void unrenderedBracketPlaceholders() {
        for (String token : List.of("[DOCROOT]", "[RANDOMSTRING]", "[PHPVERSION]", "[USER]", "[GROUP]", "[SSL]")) {
            assertReported("silentvw__cPanel-OLS/conversion/vhost.conf", "vhost", Code.PLACEHOLDER, "`" + token + "`");
        }
    }

    private static void assertReported(String file, String kind, Code code, String inSummary) {
        List<Diagnostic> found = lint(file, kind, true);
        assertTrue(found.stream().anyMatch(d -> d.code() == code && d.summary().contains(inSummary)),
                "expected " + code.id() + " mentioning " + inSummary + " in " + found);
    }

    private static List<Diagnostic> lint(String file, String kind, boolean checkFilesystem) {
        Path path = real().resolve(file);
        LoadOptions options = new LoadOptions(Optional.empty(), checkFilesystem);
        return switch (kind) {
            case "vhost" -> ConfigLoader.lintFile(path, Scope.VHOST_CONFIG, options).diagnostics();
            case "template" -> ConfigLoader.lintFile(path, Scope.TEMPLATE, options).diagnostics();
            default -> ConfigLoader.load(path, options).diagnostics();
        };
    }
}
