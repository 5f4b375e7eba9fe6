package dev.wsproxy.config.lint.check;

import dev.wsproxy.config.diag.Code;
import dev.wsproxy.config.diag.Diagnostics;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.ContextUri;
import dev.wsproxy.config.model.RewriteMap;
import dev.wsproxy.config.model.ServerConfig;
import dev.wsproxy.config.model.VhostRewrite;
import dev.wsproxy.config.model.VirtualHost;
import dev.wsproxy.config.rewrite.RewriteParser;
import dev.wsproxy.config.rewrite.RewriteRule;
import dev.wsproxy.config.rewrite.RewriteSet;
import dev.wsproxy.config.rewrite.RuleFlags;
import dev.wsproxy.config.rewrite.RuleProblem;
import dev.wsproxy.config.rewrite.Template;
import dev.wsproxy.config.source.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rewrite rules of every vhost and context, as the engine reads them (with {@code readFiles}, the
 * {@code .htaccess} files {@code autoLoadHtaccess} brings in too): rules OLS cannot parse (it drops them and
 * the rest of their set), PCRE syntax Java lacks, {@code R} codes that are no redirect, {@code [P]} targets
 * that get 500, rules after an unconditional last rule, vhost-level {@code [P]} rules that reach a
 * protected context, and maps of a type OLS does not support.
 */
public final class RewriteRuleCheck implements ModelCheck {

    /** The codes this check reports. */
    public static final Set<Code> CODES = Set.of(Code.REWRITE_RULE_DROPPED, Code.REWRITE_PCRE_ONLY,
            Code.REWRITE_REDIRECT_STATUS, Code.REWRITE_BAD_PROXY, Code.REWRITE_UNREACHABLE,
            Code.REWRITE_PROXY_PROTECTED, Code.REWRITE_MAP_UNSUPPORTED);

    /** Paths every pattern that matches "anything" matches; a pattern matching all of them is taken as unconditional. */
    private static final List<String> ANY_PATHS = List.of("", "/", "index.html", "/a/b.php", "x/y?z");

    private final boolean readFiles;

    /** @param readFiles also check the {@code .htaccess} files the server would read */
    public RewriteRuleCheck(boolean readFiles) {
        this.readFiles = readFiles;
    }

    @Override
    public Set<Code> codes() {
        return CODES;
    }

    @Override
    public void check(ServerConfig config, Diagnostics out) {
        for (VirtualHost vhost : config.virtualHosts()) {
            VhostRewrite rewrite = vhost.rewrite();
            unsupportedMaps(rewrite, out);
            set(rewrite.rules(), rewrite, out);
            rewrite.contexts().values().forEach(c -> set(c.rules(), rewrite, out));
            if (readFiles && rewrite.autoLoadHtaccess()) {
                vhost.contexts().stream().filter(c -> c instanceof Context.Static && c.uri() instanceof ContextUri.Prefix)
                        .map(c -> ((Context.Static) c).location().resolve(".htaccess")).distinct()
                        .forEach(file -> htaccess(file, rewrite, out));
            }
            for (RewriteRule rule : rewrite.rules().rules()) {
                if (rule.flags().action() == RuleFlags.Action.PROXY) {
                    protectedContexts(vhost, rule, out);
                }
            }
        }
    }

    private static void unsupportedMaps(VhostRewrite rewrite, Diagnostics out) {
        rewrite.maps().forEach((name, map) -> {
            if (map.kind() == RewriteMap.Kind.UNSUPPORTED) {
                out.add(Code.REWRITE_MAP_UNSUPPORTED, map.span(), "rewrite map `" + name + "` has type `"
                        + map.typeWritten() + "`, which OLS does not support: it leaves the map out, and a rule that"
                        + " uses it is dropped with the rest of its set", "Use a txt: or rnd: file, or int:toupper,"
                        + " int:tolower, int:escape or int:unescape.");
            }
        });
    }

    /** A {@code .htaccess} file, parsed as the server parses it; none is fine. */
    private static void htaccess(Path file, VhostRewrite rewrite, Diagnostics out) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            set(RewriteParser.parse(RewriteParser.lines(text, Span.at(file, 1, 1)), rewrite.usableMaps(),
                    RewriteParser.NO_FILES), rewrite, out);
        } catch (IOException e) {
            // no file, or one the server cannot read either: it has no rules
        }
    }

    private static void set(RewriteSet set, VhostRewrite rewrite, Diagnostics out) {
        set.problems().forEach(p -> problem(p, out));
        List<RewriteRule> rules = set.rules();
        for (int i = 0; i < rules.size(); i++) {
            RewriteRule rule = rules.get(i);
            int status = rule.flags().status();
            if (rule.flags().action() == RuleFlags.Action.REDIRECT && (status < 300 || status > 399)) {
                out.add(Code.REWRITE_REDIRECT_STATUS, rule.span(), "[R=" + status + "] is not a redirect",
                        "OLS and wsproxy answer " + status + " without a Location. Use R=301, 302, 303, 307 or 308 to"
                                + " redirect, or [F] (403) / [G] (410) to refuse.");
            }
            if (rule.flags().action() == RuleFlags.Action.PROXY) {
                proxyTarget(rule, rewrite, out);
            }
            if (i + 1 < rules.size() && unconditionalLast(rule) && (i == 0 || !rules.get(i - 1).flags().chain())) {
                List<RewriteRule> never = rules.subList(i + 1, rules.size());
                out.add(Code.REWRITE_UNREACHABLE, never.get(0).start(), never.size() + " rewrite rule(s) after an"
                                + " unconditional last rule never run (" + lines(never.stream().map(RewriteRule::start)
                                .toList()) + ")",
                        "The rule at line " + rule.span().line() + " matches every request and ends the rules. Move it"
                                + " below the others, or give it a RewriteCond or a narrower pattern.");
                return;
            }
        }
    }

    private static void problem(RuleProblem p, Diagnostics out) {
        String lost = p.lost().isEmpty() ? "" : "; the " + p.lost().size() + " later rule(s) (" + lines(p.lost())
                + ") are lost with it";
        if (p.kind() == RuleProblem.Kind.PCRE_ONLY) {
            out.add(Code.REWRITE_PCRE_ONLY, p.span(), p.message(), "wsproxy drops this rule and the rest of its set"
                    + (lost.isEmpty() ? "" : " (" + lines(p.lost()) + ")") + ". " + p.fix());
        } else {
            out.add(Code.REWRITE_RULE_DROPPED, p.span(), p.message() + lost, "OLS drops this rule and every later rule"
                    + " of its set, and so does wsproxy. " + p.fix());
        }
    }

    private static String lines(List<Span> spans) {
        return spans.stream().map(s -> "line " + s.line()).collect(Collectors.joining(", "));
    }

    /** {@code http://NAME/path} naming a proxy extprocessor, or {@code ws://host:port/path}. */
    private static void proxyTarget(RewriteRule rule, VhostRewrite rewrite, Diagnostics out) {
        if (rule.target().isEmpty() || rule.target().get().parts().isEmpty()
                || !(rule.target().get().parts().get(0) instanceof Template.Text text)) {
            return; // no substitution, or one that starts with a variable: known only per request
        }
        String literal = text.text();
        String lower = literal.toLowerCase(java.util.Locale.ROOT);
        int scheme = lower.indexOf("://");
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ws://")
                || lower.startsWith("wss://"))) {
            out.add(Code.REWRITE_BAD_PROXY, rule.span(), "[P] target `" + literal + "` is not an http://, https://,"
                    + " ws:// or wss:// URL", "OLS answers 500. Write http://NAME/path with NAME a proxy extprocessor,"
                    + " or ws://host:port/path for a WebSocket backend.");
            return;
        }
        int slash = literal.indexOf('/', scheme + 3);
        boolean whole = rule.target().get().parts().size() == 1;
        if (slash < 0 && whole) {
            out.add(Code.REWRITE_BAD_PROXY, rule.span(), "[P] target `" + literal + "` has no path",
                    "OLS answers 500 without a '/' after the host: write `" + literal + "/` or `" + literal + "/$1`.");
            return;
        }
        if (lower.startsWith("http") && slash > 0) {
            String name = literal.substring(scheme + 3, slash);
            if (!rewrite.proxies().containsKey(name)) {
                out.add(Code.REWRITE_BAD_PROXY, rule.span(), "[P] target names `" + name + "`, which is no proxy"
                                + " extprocessor", "In OLS the host of a [P] URL is the name of an extprocessor of type"
                                + " proxy, not a host name; requests get 500. Define `extprocessor " + name
                                + " { type proxy; address host:port }` or use the name of one.");
            }
        }
    }

    private static boolean unconditionalLast(RewriteRule rule) {
        RuleFlags f = rule.flags();
        return rule.conditions().isEmpty() && !rule.negate() && f.last() && !f.next() && !f.chain() && f.skip() == 0
                && ANY_PATHS.stream().allMatch(p -> rule.pattern().matcher(p).find());
    }

    private static void protectedContexts(VirtualHost vhost, RewriteRule rule, Diagnostics out) {
        for (Context context : vhost.contexts()) {
            boolean guarded = context.auth().isPresent() || context.accessControl().isPresent();
            if (guarded && context.uri() instanceof ContextUri.Prefix p && p.path().length() > 1
                    && rule.pattern().matcher(p.path()).find()) {
                out.add(Code.REWRITE_PROXY_PROTECTED, rule.span(), "this vhost-level [P] rule reaches `" + p.path()
                                + "`, which context `" + context.uri().text() + "` protects",
                        "OLS proxies such requests without the context's accessControl and realm; wsproxy applies"
                                + " them to the URI the client asked for. Nothing to fix unless the backend must be"
                                + " reachable without them: then move the rule out of the protected URIs.");
                return;
            }
        }
    }
}
