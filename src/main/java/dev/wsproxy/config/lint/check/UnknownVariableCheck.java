package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import dev.wsproxy.config.schema.ValueType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WSP324: a {@code $NAME} in a value that OLS never expands. OLS knows only {@code $SERVER_ROOT},
 * {@code $VH_ROOT}, {@code $DOC_ROOT}, {@code $VH_NAME} and {@code $VH_DOMAIN} (and {@code $vh_aliases} in
 * domain lists), each also as the start of a longer word ({@code $VH_NAME_ecc}); a shell variable such as
 * {@code $HOSTNAME} stays literal text. Free text (rules, log formats, notes, environment lines) is not read.
 */
public final class UnknownVariableCheck implements DirectiveCheck {
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> KNOWN = Set.of("SERVER_ROOT", "VH_ROOT", "DOC_ROOT", "VH_NAME", "VH_DOMAIN",
            "VH_ALIASES");
    private static final Set<ValueType> READ = Set.of(ValueType.PATH, ValueType.TEXT, ValueType.LIST,
            ValueType.LISTEN_ADDRESS, ValueType.BACKEND_ADDRESS, ValueType.PROXY_ADDRESS);

    @Override
    public Set<Code> codes() {
        return Set.of(Code.UNKNOWN_VARIABLE);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (spec.isEmpty() || d.isBlock() || !READ.contains(spec.get().type())
                || FreeText.is(d) || d.value().indexOf('$') < 0) {
            return;
        }
        Matcher m = VARIABLE.matcher(d.value());
        while (m.find()) {
            String name = m.group(1).toUpperCase(Locale.ROOT);
            if (KNOWN.stream().noneMatch(name::startsWith)) {
                out.add(Code.UNKNOWN_VARIABLE, Spans.within(d.valueSpan(), m.start()), "OLS never expands `"
                                + m.group() + "` in `" + d.name() + "`",
                        "OLS expands only $SERVER_ROOT, $VH_ROOT, $DOC_ROOT, $VH_NAME and $VH_DOMAIN; `" + m.group()
                                + "` stays literal text. Write the value itself.");
                return;
            }
        }
    }
}
