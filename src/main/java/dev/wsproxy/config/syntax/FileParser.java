package dev.wsproxy.config.syntax;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.syntax.gen.OlsConfLexer;
import dev.wsproxy.config.syntax.gen.OlsConfParser;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Reads the text of one config file into its directive tree with the generated lexer and parser. */
final class FileParser {
    private FileParser() {
    }

    static List<Directive> parse(SourceText source, Diagnostics diagnostics, TreeBuilder.IncludeLoader includes) {
        var errors = new SyntaxErrorCollector(source.file(), diagnostics);
        var lexer = new OlsConfLexer(CharStreams.fromString(source.text(), String.valueOf(source.file())));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        var parser = new OlsConfParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        var builder = new TreeBuilder(new TokenSpans(source.file()), diagnostics, includes);
        List<Directive> directives = builder.build(parser.config());
        source.tooLong().ifPresent(diagnostics::add);
        return directives;
    }
}
