package dev.wsproxy.config.syntax.gen;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;

/**
 * The superclass of the generated OLS config lexer: the context checks its predicates ask, which
 * look at the characters around the current position, and the tag of the open heredoc.
 *
 * <p>Each predicate but the heredoc terminator's stands right after the character it is about, so
 * {@code LA(-1)} is that character and {@code LA(1)} the one after it.
 */
public abstract class OlsLexerBase extends Lexer {
    private static final String HEREDOC_MARK = "<<<";
    private String heredocTag = "";

    protected OlsLexerBase(CharStream input) {
        super(input);
    }

    /** True when only blanks stand before the character just read on its physical line. */
    protected boolean firstOnPhysicalLine() {
        return onlyBlanksBefore(-2);
    }

    /** True when only blanks follow the character just read up to the end of its physical line. */
    protected boolean atLineEnd() {
        return onlyBlanksFrom(1);
    }

    /** The '\' just read ends a trimmed line and is not part of "\\": the line continues on the next one. */
    protected boolean continuesLine() {
        if (_input.LA(-2) == '\\') {
            return false;
        }
        int ahead = 1;
        while (isBlank(_input.LA(ahead))) {
            ahead++;
        }
        return _input.LA(ahead) == '\n';
    }

    /**
     * The '<' just read starts a {@code <<<TAG} that opens a heredoc: some text stands before it on the
     * physical line and some text follows it, as OLS's {@code checkMultiLineMode} decides on the trimmed line.
     */
    protected boolean opensHeredoc() {
        return _input.LA(1) == '<' && _input.LA(2) == '<' && !onlyBlanksBefore(-2) && !onlyBlanksFrom(3);
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

    private boolean onlyBlanksBefore(int back) {
        int c = _input.LA(back);
        while (isBlank(c)) {
            c = _input.LA(--back);
        }
        return c == '\n' || c == IntStream.EOF;
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
