package dev.wsproxy.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.ast.Directive.Kind;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include} lines with real files on disk: what is loaded, in which order, and what is reported. */
class IncludeTest {
    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private ParseResult parse(Path file) {
        return new ConfigParser(root).parseFile(file);
    }

    /** name=value of every directive with includes spliced in, blocks shown as name{...}. */
    private static String flat(List<Directive> directives) {
        StringBuilder out = new StringBuilder();
        for (Directive d : Directive.flatten(directives)) {
            out.append(d.name()).append('=').append(d.value());
            if (d.isBlock()) {
                out.append('{').append(flat(d.children())).append('}');
            }
            out.append(' ');
        }
        return out.toString().strip();
    }

    /** Parsing {@code main} gives no diagnostics and the directives {@code expected}, includes spliced in. */
    private ParseResult assertLoadsCleanly(String expected, Path main) {
        ParseResult result = parse(main);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(expected, flat(result.directives()));
        return result;
    }

    private static List<Code> codes(ParseResult result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void includesAFileRelativeToTheIncludingFile() throws IOException {
        write("conf/part.conf", "user nobody\n");
        Path main = write("conf/main.conf", "serverName a\ninclude part.conf\ngroup nogroup\n");
        ParseResult result = assertLoadsCleanly("serverName=a user=nobody group=nogroup", main);
        Directive include = result.directives().get(1);
        assertEquals(Kind.INCLUDE, include.kind());
        assertEquals("part.conf", include.value());
    }

    @Test
    void spansOfIncludedDirectivesPointIntoTheIncludedFile() throws IOException {
        Path part = write("conf/part.conf", "# header\n\n  user   nobody\n");
        Path main = write("conf/main.conf", "include part.conf\n");
        Directive user = parse(main).directives().get(0).children().get(0);
        assertEquals(part, user.span().file());
        assertEquals(3, user.span().line());
        assertEquals(3, user.span().column());
        assertEquals(10, user.valueSpan().column());
    }

    @Test
    void includesInsideABlockLandInThatBlock() throws IOException {
        write("conf/ctx.conf", "context /a/ {\n  location /srv/a\n}\n");
        Path main = write("conf/main.conf", "virtualhost x {\n  include ctx.conf\n  docRoot /srv\n}\n");
        assertLoadsCleanly("virtualhost=x{context=/a/{location=/srv/a} docRoot=/srv}", main);
    }

    @Test
    void serverRootVariableIsCaseInsensitiveAndOtherVariablesAreErrors() throws IOException {
        write("shared/common.conf", "user nobody\n");
        Path main = write("conf/main.conf", "include $server_root/shared/common.conf\ninclude $VH_ROOT/x.conf\n");
        ParseResult result = parse(main);
        assertEquals("user=nobody", flat(result.directives()));
        assertEquals(List.of(Code.INCLUDE_BAD_VARIABLE), codes(result));
        assertEquals(2, result.diagnostics().get(0).span().line());
        assertEquals(9, result.diagnostics().get(0).span().column());
    }

    @Test
    void absolutePathIsUsedAsIs() throws IOException {
        Path part = write("elsewhere/abs.conf", "user abs\n");
        Path main = write("conf/main.conf", "INCLUDE " + part + "\n");
        assertEquals("user=abs", flat(parse(main).directives()));
    }

    @Test
    void globLoadsEveryMatchSortedAndNoMatchIsSilent() throws IOException {
        write("conf/vhosts/b.conf", "vh b\n");
        write("conf/vhosts/a.conf", "vh a\n");
        write("conf/vhosts/c.txt", "vh c\n");
        Path main = write("conf/main.conf", "include vhosts/*.conf\ninclude nothing/*.conf\ninclude vhosts/?.none\n");
        assertLoadsCleanly("vh=a vh=b", main);
    }

    @Test
    void globWithBracketsAndInADirectoryPart() throws IOException {
        write("conf/va/x.conf", "n va\n");
        write("conf/vb/x.conf", "n vb\n");
        write("conf/vc/x.conf", "n vc\n");
        Path main = write("conf/main.conf", "include v[ab]/*.conf\n");
        assertLoadsCleanly("n=va n=vb", main);
    }

    @Test
    void directoryLoadsConfFilesRecursivelySortedSkippingBackups() throws IOException {
        write("conf/d/b.conf", "n b\n");
        write("conf/d/a.conf", "n a\n");
        write("conf/d/a.conf~", "n backup\n");
        write("conf/d/notes.txt", "n txt\n");
        write("conf/d/sub/c.conf", "n sub-c\n");
        write("conf/d/old~/x.conf", "n old\n");
        Path main = write("conf/main.conf", "include d\n");
        assertLoadsCleanly("n=a n=b n=sub-c", main);
    }

    @Test
    void missingFileIsAWarningAtThePath() throws IOException {
        Path main = write("conf/main.conf", "serverName a\ninclude  gone.conf\n");
        ParseResult result = parse(main);
        assertEquals(List.of(Code.INCLUDE_MISSING), codes(result));
        Diagnostic missing = result.diagnostics().get(0);
        assertEquals(Severity.WARNING, missing.severity());
        assertEquals(2, missing.span().line());
        assertEquals(10, missing.span().column());
        assertTrue(missing.summary().contains("gone.conf"), missing.summary());
    }

    @Test
    void cycleIsAnErrorNamingTheChain() throws IOException {
        write("conf/a.conf", "n a\ninclude b.conf\n");
        write("conf/b.conf", "n b\ninclude a.conf\n");
        Path main = write("conf/main.conf", "include a.conf\n");
        ParseResult result = parse(main);
        assertEquals(List.of(Code.INCLUDE_CYCLE), codes(result));
        Diagnostic cycle = result.diagnostics().get(0);
        assertEquals(root.resolve("conf/b.conf"), cycle.span().file());
        assertTrue(cycle.summary().contains("a.conf -> b.conf -> a.conf"), cycle.summary());
        assertEquals(2, cycle.related().size());
        assertEquals("n=a n=b", flat(result.directives()));
    }

    @Test
    void fileIncludingItselfIsACycle() throws IOException {
        Path main = write("conf/main.conf", "n 1\ninclude main.conf\n");
        ParseResult result = parse(main);
        assertEquals(List.of(Code.INCLUDE_CYCLE), codes(result));
        assertEquals("n=1", flat(result.directives()));
    }

    @Test
    void chainOfIncludesDeeperThanTheLimitStopsWithAnError() throws IOException {
        int files = ParseSession.MAX_INCLUDE_DEPTH + 2;
        for (int i = 1; i < files; i++) {
            write("conf/f" + i + ".conf", "n " + i + "\ninclude f" + (i + 1) + ".conf\n");
        }
        write("conf/f" + files + ".conf", "n last\n");
        ParseResult result = parse(write("conf/main.conf", "include f1.conf\n"));
        assertEquals(List.of(Code.INCLUDE_TOO_DEEP), codes(result));
        assertEquals(root.resolve("conf/f" + ParseSession.MAX_INCLUDE_DEPTH + ".conf"), result.diagnostics().get(0).span().file());
        assertEquals(ParseSession.MAX_INCLUDE_DEPTH, flat(result.directives()).split(" ").length);
    }

    @Test
    void syntaxErrorInOneFileDoesNotHideTheNext() throws IOException {
        write("conf/d/1.conf", "}\n");
        write("conf/d/2.conf", "tuning {\n");
        Path main = write("conf/main.conf", "include d\n}\n");
        ParseResult result = parse(main);
        assertEquals(List.of(Code.EXTRA_CLOSE, Code.UNCLOSED_BLOCK, Code.EXTRA_CLOSE), codes(result));
        assertEquals(root.resolve("conf/d/1.conf"), result.diagnostics().get(0).span().file());
        assertEquals(root.resolve("conf/d/2.conf"), result.diagnostics().get(1).span().file());
        assertEquals(main, result.diagnostics().get(2).span().file());
    }

    @Test
    void unreadableRootFileIsADiagnostic() {
        ParseResult result = parse(root.resolve("no-such.conf"));
        assertEquals(List.of(Code.FILE_UNREADABLE), codes(result));
        assertEquals(List.of(), result.directives());
    }

    @Test
    void includeOfSomethingThatIsNotAFileIsUnreadable() throws IOException {
        Path main = write("conf/main.conf", "n 1\ninclude /dev/null\nn 2\n");
        ParseResult result = parse(main);
        assertEquals(List.of(Code.FILE_UNREADABLE), codes(result));
        assertEquals(2, result.diagnostics().get(0).span().line());
        assertTrue(result.diagnostics().get(0).summary().contains("not a regular file"), result.diagnostics().get(0).summary());
        assertEquals("n=1 n=2", flat(result.directives()));
    }

    @Test
    void parseTextResolvesIncludesBesideThePretendFile() throws IOException {
        write("conf/part.conf", "user nobody\n");
        ParseResult result = new ConfigParser(root).parseText(root.resolve("conf/virtual.conf"), "include part.conf\n");
        assertEquals("user=nobody", flat(result.directives()));
    }
}
