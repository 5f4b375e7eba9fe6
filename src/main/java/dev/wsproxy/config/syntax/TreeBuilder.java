package dev.wsproxy.config.syntax;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.ast.Directive.Kind;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.syntax.gen.OlsConfParser.ConfigContext;
import dev.wsproxy.config.syntax.gen.OlsConfParser.DirectiveContext;
import dev.wsproxy.config.syntax.gen.OlsConfParser.HeredocContext;
import dev.wsproxy.config.syntax.gen.OlsConfParser.LineContext;
import dev.wsproxy.config.syntax.gen.OlsConfParser.NameContext;
import dev.wsproxy.config.syntax.gen.OlsConfParser.StatementContext;
import dev.wsproxy.config.syntax.gen.OlsConfParser.StrayOpenContext;
import dev.wsproxy.config.syntax.gen.OlsConfParser.ValueContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parse tree of one file into its directive tree. Like OLS it keeps a stack of open blocks
 * while it walks the lines, so an extra '}' or an unclosed block is reported at its own line and the
 * tree stays balanced; unlike OLS, each file must balance its own braces.
 */
final class TreeBuilder {

    /** Loads what an {@code include} line brings in. */
    interface IncludeLoader {
        List<Directive> load(Directive include);
    }

    /** OLS joins continuation and heredoc lines into a 64 KiB buffer. */
    private static final int MAX_LOGICAL_LINE_BYTES = 64 * 1024;

    private final TokenSpans spans;
    private final Diagnostics diagnostics;
    private final IncludeLoader includes;
    private final Deque<OpenBlock> open = new ArrayDeque<>();
    private final List<Directive> top = new ArrayList<>();

    TreeBuilder(TokenSpans spans, Diagnostics diagnostics, IncludeLoader includes) {
        this.spans = spans;
        this.diagnostics = diagnostics;
        this.includes = includes;
    }

    List<Directive> build(ConfigContext config) {
        for (LineContext line : config.lines) {
            for (Token close : line.closes) {
                close(close);
            }
            if (line.body != null) {
                statement(line.body);
            }
        }
        closeUnclosed();
        return top;
    }

    private void statement(StatementContext statement) {
        if (statement instanceof StrayOpenContext stray) {
            diagnostics.add(Code.BRACE_WITHOUT_NAME, spans.of(stray.OPEN().getSymbol()),
                    "'{' without a block name",
                    "OLS reports \"parseline found '{' without a block name\": a '{' on a line of its own (K&R or "
                            + "Allman style) is not supported. Put the '{' at the end of the block's name line.");
        } else if (statement instanceof DirectiveContext directive) {
            if (directive.open != null) {
                open.push(new OpenBlock(checked(line(directive.key, directive.val, Kind.BLOCK)), new ArrayList<>()));
            } else if (directive.here != null) {
                add(checked(heredocEntry(directive)));
            } else {
                Directive line = checked(line(directive.key, directive.val, Kind.ENTRY));
                add(line.is("include") ? withIncluded(line) : line);
            }
        }
    }

    private Directive withIncluded(Directive include) {
        List<Directive> loaded = includes.load(include);
        return new Directive(include.name(), include.value(), include.span(), include.valueSpan(), Kind.INCLUDE, loaded);
    }

    private Directive line(NameContext name, ValueContext value, Kind kind) {
        Span nameSpan = spans.from(name.getStart(), name.getStop());
        String text = value == null ? "" : value.getText();
        Span valueSpan = value == null ? nameSpan : spans.from(value.getStart(), value.getStop());
        return new Directive(name.getText(), text, nameSpan, valueSpan, kind, List.of());
    }

    /**
     * OLS appends the raw body to the text before {@code <<<} and reads the result as one
     * {@code name value} line: blanks between the name and the value are skipped, and trailing
     * whitespace (the body's last newline included) is trimmed.
     */
    private Directive heredocEntry(DirectiveContext entry) {
        HeredocContext heredoc = entry.here;
        reportIfUnterminated(heredoc);
        Directive head = line(entry.key, entry.val, Kind.ENTRY);
        List<Token> body = heredoc.lines;
        String bodyText = body.stream().map(Token::getText).collect(Collectors.joining());
        Span bodyEnd = body.isEmpty() ? head.valueSpan() : spans.of(body.get(body.size() - 1));
        String value;
        Span valueSpan;
        if (entry.val != null) {
            String gap = entry.gap == null ? "" : entry.gap.getText();
            value = (head.value() + gap + bodyText).stripTrailing();
            valueSpan = TokenSpans.join(head.valueSpan(), bodyEnd);
        } else {
            int indent = 0;
            while (indent < bodyText.length() && (bodyText.charAt(indent) == ' ' || bodyText.charAt(indent) == '\t')) {
                indent++;
            }
            value = bodyText.substring(indent).stripTrailing();
            valueSpan = value.isEmpty() ? head.valueSpan()
                    : TokenSpans.join(spans.shifted(body.get(0), indent), bodyEnd);
        }
        return new Directive(head.name(), value, head.span(), valueSpan, Kind.ENTRY, List.of());
    }

    private void reportIfUnterminated(HeredocContext heredoc) {
        if (heredoc.end != null) {
            return;
        }
        Token opening = heredoc.start;
        String tag = opening.getText().substring("<<<".length()).strip();
        diagnostics.add(Code.UNTERMINATED_HEREDOC, spans.of(opening),
                "heredoc <<<" + tag + " is never terminated",
                "Every line after it up to the end of the file became its value. End the heredoc with a line "
                        + "whose first word is " + tag + ".");
    }

    /** Reports a directive longer than OLS's buffer for joined lines; returns it unchanged. */
    private Directive checked(Directive directive) {
        String name = directive.name();
        String value = directive.value();
        int bytes = SourceText.utf8Length(name, 0, name.length()) + 1 + SourceText.utf8Length(value, 0, value.length());
        if (bytes > MAX_LOGICAL_LINE_BYTES) {
            diagnostics.add(Code.CONTINUATION_TOO_LONG, directive.span(),
                    "'" + name + "' is " + bytes + " bytes long after joining its lines, over OLS's 64 KiB limit",
                    "OLS logs \"Multiline configuration too long\" and stops reading this file. Shorten the value "
                            + "or move part of it into a file it points to.");
        }
        return directive;
    }

    private void close(Token brace) {
        if (open.isEmpty()) {
            diagnostics.add(Code.EXTRA_CLOSE, spans.of(brace), "extra '}' closes no open block",
                    "OLS reports \"parseline found more '}'\". Remove it, or look above for a block whose '{' is "
                            + "not the last character of its line.");
            return;
        }
        add(open.pop().close());
    }

    private void closeUnclosed() {
        List<OpenBlock> unclosed = new ArrayList<>(open);
        for (int i = unclosed.size() - 1; i >= 0; i--) {
            Directive header = unclosed.get(i).header();
            diagnostics.add(Code.UNCLOSED_BLOCK, header.span(),
                    "block '" + (header.name() + " " + header.value()).strip() + "' is never closed",
                    "OLS reports \"parseFile find '{' and '}' do not match\". Add a line starting with '}' where the "
                            + "block ends; each file must close the blocks it opens.");
        }
        while (!open.isEmpty()) {
            add(open.pop().close());
        }
    }

    private void add(Directive directive) {
        (open.isEmpty() ? top : open.peek().children()).add(directive);
    }

    /** A block whose '}' has not been read yet. */
    private record OpenBlock(Directive header, List<Directive> children) {
        Directive close() {
            return new Directive(header.name(), header.value(), header.span(), header.valueSpan(), Kind.BLOCK, children);
        }
    }
}
