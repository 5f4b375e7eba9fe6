package dev.wsproxy.config.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses a substitution or test string into a {@link Template}, as OLS's {@code RewriteSubstFormat} does. */
final class Templates {
    private final Set<String> maps;

    Templates(Set<String> maps) {
        this.maps = maps;
    }

    Template parse(String text) throws BadRule {
        List<Template.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if ((c == '$' || c == '%') && Character.isDigit(next)) {
                flush(literal, parts);
                parts.add(c == '$' ? new Template.RuleGroup(next - '0') : new Template.CondGroup(next - '0'));
                i += 2;
            } else if (c == '%' && next == '{') {
                int close = closing(text, i + 1);
                flush(literal, parts);
                parts.add(new Template.Var(variable(text.substring(i + 2, close))));
                i = close + 1;
            } else if (c == '$' && next == '{') {
                int close = closing(text, i + 1);
                flush(literal, parts);
                parts.add(mapLookup(text.substring(i + 2, close)));
                i = close + 1;
            } else if (c == '\\' && i + 1 < text.length()) {
                literal.append(next);
                i += 2;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        return new Template(parts);
    }

    private static void flush(StringBuilder literal, List<Template.Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Template.Text(literal.toString()));
            literal.setLength(0);
        }
    }

    /** The index of the '}' that closes the '{' at {@code open}, counting nested braces. */
    private static int closing(String text, int open) throws BadRule {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new BadRule("missing '}' in `" + text + "`", "Close the variable or map reference with '}'.");
    }

    static Variable variable(String name) throws BadRule {
        Optional<Variable> variable = Variable.parse(name);
        if (variable.isEmpty()) {
            throw new BadRule("unknown server variable `%{" + name + "}`", "Use a variable OLS knows: HTTP_<NAME> or"
                    + " HTTP:<Name> for a header, ENV:<name>, or REMOTE_ADDR, REQUEST_URI, REQUEST_FILENAME,"
                    + " QUERY_STRING, HTTP_HOST, HTTPS, SERVER_PORT, THE_REQUEST, TIME_*, DOCUMENT_ROOT, ..."
                    + " (there is no REQUEST_SCHEME: test %{HTTPS} instead).");
        }
        return variable.get();
    }

    private Template.Part mapLookup(String body) throws BadRule {
        int colon = body.indexOf(':');
        if (colon < 0) {
            throw new BadRule("missing ':' in map reference `${" + body + "}`", "Write ${map:key} or ${map:key|default}.");
        }
        String name = body.substring(0, colon);
        if (!maps.contains(name)) {
            throw new BadRule("rewrite map `" + name + "` is not defined", "Define `map " + name
                    + " { location txt:/path/to/file }` in the vhost's rewrite block, or correct the name.");
        }
        int bar = body.indexOf('|', colon);
        String key = bar < 0 ? body.substring(colon + 1) : body.substring(colon + 1, bar);
        if (key.isEmpty()) {
            throw new BadRule("missing map key in `${" + body + "}`", "Write ${" + name + ":key}.");
        }
        return new Template.MapLookup(name, parse(key), parse(bar < 0 ? "" : body.substring(bar + 1)));
    }
}
