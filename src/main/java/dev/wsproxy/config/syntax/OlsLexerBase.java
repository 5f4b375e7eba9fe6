package dev.wsproxy.config.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;

/**
 * The superclass of the generated OLS config lexer: the context checks its predicates ask, which
 * look at the characters around the current position, and the tag of the open heredoc.
 *
 * <p>Each predicate stands before the character it is about, so {@code LA(1)} is that character.
 */
public abstract class OlsLexerBase extends Lexer {
    private static final String HEREDOC_MARK = "<<<";

    private String heredocTag = "";

    protected OlsLexerBase(CharStream input) {
        super(input);
    }

    /** True when only blanks stand before the current position on its physical line. */
    protected boolean atPhysicalLineStart() {
        for (int back = -1; ; back--) {
            int c = _input.LA(back);
            if (c == '\n' || c == IntStream.EOF) {
                return true;
            }
            if (!isBlank(c)) {
                return false;
            }
        }
    }

    /** True when only blanks follow the current position up to the end of the physical line. */
    protected boolean atLineEnd() {
        return onlyBlanksFrom(1);
    }

    /** '{' as the last character of the line opens a block (OLS checks the trimmed line). */
    protected boolean braceEndsLine() {
        return _input.LA(1) == '{' && onlyBlanksFrom(2);
    }

    /** A trimmed line ending in exactly one '\' continues on the next line; "\\" does not. */
    protected boolean continuesLine() {
        if (_input.LA(1) != '\\' || _input.LA(-1) == '\\') {
            return false;
        }
        int ahead = 2;
        while (isBlank(_input.LA(ahead))) {
            ahead++;
        }
        return _input.LA(ahead) == '\n';
    }

    /**
     * {@code <<<TAG} opens a heredoc when some text stands before it on the physical line and some
     * text follows it, as OLS's {@code checkMultiLineMode} decides on the trimmed line.
     */
    protected boolean opensHeredoc() {
        for (int i = 0; i < HEREDOC_MARK.length(); i++) {
            if (_input.LA(1 + i) != HEREDOC_MARK.charAt(i)) {
                return false;
            }
        }
        return !atPhysicalLineStart() && !onlyBlanksFrom(1 + HEREDOC_MARK.length());
    }

    /** Remembers the tag of the heredoc whose opening token was just matched. */
    protected void beginHeredoc() {
        String text = getText();
        heredocTag = text.substring(text.indexOf(HEREDOC_MARK) + HEREDOC_MARK.length()).strip();
    }

    /** The heredoc ends at the first line whose first blank-delimited token is its tag, in any case. */
    protected boolean atHeredocTerminator() {
        int ahead = 1;
        while (_input.LA(ahead) == ' ' || _input.LA(ahead) == '\t') {
            ahead++;
        }
        StringBuilder token = new StringBuilder();
        for (int c = _input.LA(ahead); c != IntStream.EOF && c != '\n' && !isBlank(c); c = _input.LA(++ahead)) {
            token.appendCodePoint(c);
        }
        return !token.isEmpty() && token.toString().equalsIgnoreCase(heredocTag);
    }

    private boolean onlyBlanksFrom(int ahead) {
        int c = _input.LA(ahead);
        while (isBlank(c)) {
            c = _input.LA(++ahead);
        }
        return c == '\n' || c == IntStream.EOF;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
