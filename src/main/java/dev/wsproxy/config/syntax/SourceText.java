package dev.wsproxy.config.syntax;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostic;
import dev.wsproxy.config.source.Span;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text of one config file as the lexer reads it: UTF-8 (bad bytes become U+FFFD), without a
 * leading byte-order mark, and cut before the first physical line of 8192 bytes or more, because
 * OLS stops reading a file at such a line ({@code Config file ... line is too long!!}).
 *
 * @param file    the file the text came from, as spans name it
 * @param text    what the lexer reads
 * @param tooLong the WSP107 error when the text was cut
 */
record SourceText(Path file, String text, Optional<Diagnostic> tooLong) {

    /** OLS reads physical lines into an 8192-byte buffer. */
    static final int MAX_LINE_BYTES = 8192;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    static SourceText decode(Path file, byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return of(file, decoder.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException impossibleWithReplace) {
            throw new IllegalStateException(impossibleWithReplace);
        }
    }

    static SourceText of(Path file, String raw) {
        String text = !raw.isEmpty() && raw.charAt(0) == BYTE_ORDER_MARK ? raw.substring(1) : raw;
        int lineStart = 0;
        for (int lineNumber = 1; lineStart <= text.length(); lineNumber++) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int bytes = utf8Length(text, lineStart, lineEnd);
            if (bytes >= MAX_LINE_BYTES) {
                return new SourceText(file, text.substring(0, lineStart), Optional.of(tooLong(file, lineNumber, bytes)));
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return new SourceText(file, text, Optional.empty());
    }

    private static Diagnostic tooLong(Path file, int lineNumber, int bytes) {
        return Diagnostic.of(Code.LINE_TOO_LONG, Span.at(file, lineNumber, 1),
                "line is " + bytes + " bytes long; OLS stops reading this file here",
                "OLS logs \"line is too long!!\" for a line of " + MAX_LINE_BYTES + " bytes or more and ignores it and "
                        + "every line after it in this file; so does wsproxy. Split the value over several lines "
                        + "ending in '\\', or into a <<<TAG heredoc.");
    }

    /** How many bytes {@code text[from, to)} takes in UTF-8, as OLS counts line lengths. */
    static int utf8Length(String text, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
