package dev.wsproxy.config.syntax;

import dev.wsproxy.config.source.Span;
import java.nio.file.Path;
import org.antlr.v4.runtime.Token;

/** Spans of tokens of one file: 1-based line and column, the end just after the last character. */
final class TokenSpans {
    private final Path file;

    TokenSpans(Path file) {
        this.file = file;
    }

    Span of(Token token) {
        return from(token, token);
    }

    /** From the start of {@code first} to the end of {@code last}. */
    Span from(Token first, Token last) {
        String text = last.getText();
        int newlines = 0;
        int lastNewline = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
                lastNewline = i;
            }
        }
        int endLine = last.getLine() + newlines;
        int endColumn = newlines == 0
                ? last.getCharPositionInLine() + 1 + text.codePointCount(0, text.length())
                : 1 + text.codePointCount(lastNewline + 1, text.length());
        return new Span(file, first.getLine(), first.getCharPositionInLine() + 1, endLine, endColumn);
    }

    /** The position {@code count} characters after the start of {@code token}, on its first line. */
    Span shifted(Token token, int count) {
        return Span.at(file, token.getLine(), token.getCharPositionInLine() + 1 + count);
    }

    /** From the start of {@code from} to the end of {@code to}. */
    static Span join(Span from, Span to) {
        return new Span(from.file(), from.line(), from.column(), to.endLine(), to.endColumn());
    }
}
