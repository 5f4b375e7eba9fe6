package dev.wsproxy.config.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OLS's buffer limits: 64 KiB for a line joined from continuation or heredoc lines. */
class ParserLimitsTest {
    private final ConfigParser parser = new ConfigParser(Path.of("/srv"));

    @Test
    void continuationLongerThanSixtyFourKiBIsAnErrorAtItsName() {
        String piece = "x".repeat(7000);
        String text = "first 1\n  rules " + (piece + "\\\n").repeat(10) + "end\nlast 2\n";
        ParseResult result = parser.parseText(Path.of("long.conf"), text);
        assertEquals(List.of(Code.CONTINUATION_TOO_LONG), result.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals(2, result.diagnostics().get(0).span().line());
        assertEquals(3, result.diagnostics().get(0).span().column());
        assertEquals(3, result.directives().size());
        assertEquals(70_003, result.directives().get(1).value().length());
    }

    @Test
    void heredocUpToSixtyFourKiBIsFine() {
        String text = "rules <<<END\n" + ("y".repeat(99) + "\n").repeat(600) + "END\n";
        ParseResult result = parser.parseText(Path.of("heredoc.conf"), text);
        assertEquals(List.of(), result.diagnostics());
        assertEquals(600 * 100 - 1, result.directives().get(0).value().length());
    }
}
