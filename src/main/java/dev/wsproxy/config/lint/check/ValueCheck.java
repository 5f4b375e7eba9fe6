package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Block;
import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.load.ConfigTree;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.source.Span;
import dev.wsproxy.config.value.AclLists;
import dev.wsproxy.config.value.BackendAddresses;
import dev.wsproxy.config.value.Expected;
import dev.wsproxy.config.value.ExpiresRules;
import dev.wsproxy.config.value.HeaderOps;
import dev.wsproxy.config.value.ListenAddresses;
import dev.wsproxy.config.value.Numbers;
import dev.wsproxy.config.value.Parsed;
import dev.wsproxy.config.value.ScriptHandlerLines;
import dev.wsproxy.config.value.Uris;
import java.util.Optional;
import java.util.Set;

/**
 * WSP205-WSP208, WSP210, WSP306: a value that does not fit its directive's type (number, 0/1, choice, address,
 * access list, header operations, expires rule), a {@code context} or {@code websocket} URI that is neither a path
 * nor a compiling {@code exp:} regex, a {@code scriptHandler} line that cannot be read, and a proxy context's
 * {@code handler} that names an extprocessor of another type (the binder leaves such a context out). When the extra
 * words are another directive ({@code keepDays 10  compressArchive 1}) the fix says to put it on its own line.
 */
public final class ValueCheck implements DirectiveCheck, TreeCheck {
    private final DirectiveTable table;

    public ValueCheck(DirectiveTable table) {
        this.table = table;
    }

    @Override
    public Set<Code> codes() {
        return Set.of(Code.BAD_NUMBER, Code.BAD_BOOL, Code.BAD_ADDRESS, Code.BAD_PORT, Code.BAD_VALUE, Code.BAD_REGEX);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isPresent() && d.isBlock() && (d.is("context") || d.is("websocket"))) {
            uri(d, out);
        }
        if (spec.isEmpty() || d.isBlock()) {
            return;
        }
        String value = d.value();
        int lead = value.length() - value.stripLeading().length();
        if (value.isBlank() || Placeholders.find(value).isPresent()) {
            return;
        }
        if (scope == Scope.SCRIPT_HANDLER && d.is("add")) {
            if (ScriptHandlerLines.add(value) instanceof Parsed.Bad<?> bad) {
                out.add(code(bad), d.valueSpan(), bad.summary(), bad.detail());
            }
            return;
        }
        Parsed<?> parsed = parse(spec.get(), value.strip());
        if (parsed instanceof Parsed.Bad<?> bad) {
            out.add(code(bad), Spans.within(d.valueSpan(), lead + bad.offset()),
                    "`" + spec.get().name() + "`: " + bad.summary(), fix(bad.detail(), scope, value.strip()));
        }
    }

    @Override
    public void check(ConfigTree tree, ServerConfig config, Diagnostics out) {
        for (ProxyHandler handler : ProxyHandler.all(tree, config)) {
            handler.processor().filter(p -> !p.type().equals("proxy")).ifPresent(p -> out.add(Code.BAD_VALUE,
                    handler.line().valueSpan(), "extprocessor `" + handler.name() + "` has type `" + p.type()
                            + "`, not proxy", "A proxy context needs an extprocessor of type proxy."));
        }
    }

    /** A block's URI, written after its name or as its {@code uri} key; a regex error points at its column. */
    private static void uri(Directive d, Diagnostics out) {
        Span at = d.value().isBlank() ? Block.of(d).first("uri").map(Directive::valueSpan).orElse(d.span())
                : d.valueSpan();
        String raw = d.value().isBlank() ? Block.of(d).value("uri").orElse("") : d.value();
        if (raw.isBlank()) {
            return;
        }
        int lead = raw.length() - raw.stripLeading().length();
        if (Uris.parse(raw) instanceof Parsed.Bad<?> bad) {
            out.add(code(bad), Spans.within(at, lead + bad.offset()), d.name() + " URI: " + bad.summary(), bad.detail());
        }
    }

    private static Code code(Parsed.Bad<?> bad) {
        return switch (bad.expected()) {
            case NUMBER -> Code.BAD_NUMBER;
            case SWITCH -> Code.BAD_BOOL;
            case ADDRESS -> Code.BAD_ADDRESS;
            case PORT -> Code.BAD_PORT;
            case REGEX -> Code.BAD_REGEX;
            case VALUE -> Code.BAD_VALUE;
        };
    }

    /** The value read as its directive's type, or what is wrong with it. */
    static Parsed<?> parse(DirectiveSpec spec, String value) {
        return switch (spec.type()) {
            case NUMBER -> Numbers.number(value, spec.min(), spec.max());
            case BOOL -> Numbers.bool(value);
            case CHOICE -> spec.choices().stream().anyMatch(c -> c.equalsIgnoreCase(value)) ? Parsed.ok(value)
                    : Parsed.bad(Expected.VALUE, "`" + value + "` is not one of " + String.join(", ", spec.choices()),
                    "Write one of " + String.join(", ", spec.choices()) + ".");
            case LISTEN_ADDRESS -> ListenAddresses.parse(value);
            case BACKEND_ADDRESS -> BackendAddresses.websocket(value);
            case PROXY_ADDRESS -> BackendAddresses.proxy(value);
            case ACL -> AclLists.parse(value);
            case HEADER_OPS -> HeaderOps.parse(value);
            case EXPIRES_RULE -> ExpiresRules.rule(value);
            case EXPIRES_BY_TYPE -> ExpiresRules.byType(value);
            case TEXT, PATH, LIST, URI -> Parsed.ok(value);
        };
    }

    /** Adds "put it on its own line" when the words after the first one start with a directive of this block. */
    private String fix(String detail, Scope scope, String value) {
        String[] words = value.split("\\s+");
        if (words.length > 1 && table.find(scope, words[1]).isPresent()) {
            return "`" + value.substring(value.indexOf(words[1])) + "` looks like a second directive on the same"
                    + " line; OLS reads it as part of this value. Put it on its own line.";
        }
        return detail;
    }
}
