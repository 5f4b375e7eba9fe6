package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.ast.Directive;
import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.schema.DirectiveSpec;
import dev.wsproxy.config.schema.Scope;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WSP325: a listener {@code map} domain that no Host header can match. OLS splits the list on commas only,
 * cuts each item at its first colon and compares it with the request's host name, so an item with a blank
 * ({@code a.com b.com}), a scheme or a path ({@code https://a.com/}) or any other character a host name
 * cannot hold is mapped but never used. {@code *}, globs ({@code *.a.com}) and IP literals are fine.
 */
public final class MapDomainCheck implements DirectiveCheck {
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9*?._-]+)(:[0-9]*)?");

    @Override
    public Set<Code> codes() {
        return Set.of(Code.BAD_MAP_DOMAIN);
    }

    @Override
    public void directive(Directive d, Scope scope, Optional<DirectiveSpec> spec, Diagnostics out) {
        if (scope != Scope.LISTENER || !d.is("map") || d.isBlock()) {
            return;
        }
        String value = d.value();
        int vhostEnd = firstBlank(value.strip());
        if (vhostEnd < 0) {
            return;
        }
        int offset = value.length() - value.stripLeading().length() + vhostEnd;
        for (String item : value.substring(offset).split(",", -1)) {
            String domain = item.strip();
            if (!domain.isEmpty() && !HOST.matcher(domain).matches()) {
                int at = offset + item.indexOf(domain);
                out.add(Code.BAD_MAP_DOMAIN, Spans.within(d.valueSpan(), at), "`" + domain + "` is not a domain name",
                        "OLS compares each comma-separated item with the request's host name, so this one never"
                                + " matches. Write host names only, separated by commas (a.com, *.a.com), or `*`.");
            }
            offset += item.length() + 1;
        }
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
