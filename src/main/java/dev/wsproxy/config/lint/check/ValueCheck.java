package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.lint.DirectiveCheck;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.DirectiveTable;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.value.AclLists;
import dev.wsproxy.config.value.BackendAddresses;
import dev.wsproxy.config.value.ExpiresRules;
import dev.wsproxy.config.value.HeaderOps;
import dev.wsproxy.config.value.ListenAddresses;
import dev.wsproxy.config.value.Numbers;
import dev.wsproxy.config.value.Parsed;
import java.util.Optional;

/**
 * WSP205-WSP208, WSP210: a value that does not fit its directive's type (number, 0/1, choice, address,
 * access list, header operations, expires rule). When the extra words are another directive
 * ({@code keepDays 10  compressArchive 1}) the fix says to put it on its own line.
 */
public final class ValueCheck implements DirectiveCheck {
    private final DirectiveTable table;

    public ValueCheck(DirectiveTable table) {
        this.table = table;
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty() || d.isBlock()) {
            return;
        }
        String value = d.value();
        int lead = value.length() - value.stripLeading().length();
        if (value.isBlank() || Placeholders.find(value).isPresent()) {
            return;
        }
        Parsed<?> parsed = parse(spec.get(), value.strip());
        if (parsed instanceof Parsed.Bad<?> bad) {
            out.add(bad.code(), Spans.within(d.valueSpan(), lead + bad.offset()),
                    "`" + spec.get().name() + "`: " + bad.summary(), fix(bad.detail(), scope, value.strip()));
        }
    }

    /** The value read as its directive's type, or what is wrong with it. */
    static Parsed<?> parse(DirectiveSpec spec, String value) {
        return switch (spec.type()) {
            case NUMBER -> Numbers.number(value, spec.min(), spec.max());
            case BOOL -> Numbers.bool(value);
            case CHOICE -> spec.choices().stream().anyMatch(c -> c.equalsIgnoreCase(value)) ? Parsed.ok(value)
                    : Parsed.bad(Code.BAD_VALUE, "`" + value + "` is not one of " + String.join(", ", spec.choices()),
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
