package dev.wsproxy.config.syntax;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Turns what the generated lexer or parser could not read into WSP111 diagnostics. The grammar
 * accepts every line shape OLS accepts, so this only fires on text OLS would garble too.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
    private final Path file;
    private final Diagnostics diagnostics;

    SyntaxErrorCollector(Path file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        diagnostics.add(Code.UNREADABLE_TEXT, Span.at(file, line, charPositionInLine + 1),
                "cannot read this line: " + msg,
                "OLS would misread this line as well. Write it as 'name value', 'name value {' or '}'.");
    }
}
