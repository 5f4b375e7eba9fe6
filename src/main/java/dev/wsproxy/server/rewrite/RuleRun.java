package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.rewrite.RewriteCondition;
import dev.wsproxy.config.rewrite.RewriteRule;
import dev.wsproxy.config.rewrite.RuleFlags.Action;
import dev.wsproxy.config.rewrite.RuleFlags;
import dev.wsproxy.config.rewrite.Template;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.http.UriPaths;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One pass of a rule set over one request, as OLS's {@code processRuleSet} runs it: each rule's pattern on the
 * current URL, then its conditions ({@code OR} joins a condition to the next), then the substitution; {@code C}
 * skips the chained rules after a rule that did not match, {@code S=n} skips rules, {@code L} stops, {@code N}
 * starts over (at most 10 times). A relative result gets the base in front; an absolute URL without
 * {@code [R]} or {@code [P]} is a 302.
 */
final class RuleRun {

    /** How many times {@code [N]} may start the rules over, as in OLS. */
    private static final int MAX_ROUNDS = 10;

    private final List<RewriteRule> rules;
    private final HttpServerExchange exchange;
    private final ErrorLog errorLog;
    private final RewriteState state;
    private final Expander expander;
    private final ExprEvaluator expressions;
    private final RewriteTrace trace;
    /** The pipeline step the rules run in, which {@code explain} names with each rule that fired. */
    private final Step step;
    /** The part of the URI cut off before matching ({@code /ctx/} for a context's rules), "" for a vhost's. */
    private final String strip;
    /** What a relative result is put under: the RewriteBase, else {@code strip}, else "/". */
    private final String base;
    /** The URI the run started from: the client's, or what an earlier rewrite left. */
    private final String startPath;
    private String source;
    private String query;
    private boolean substituted;
    private boolean anyMatched;
    private Action action = Action.NONE;
    private int status;
    private boolean noEscape;
    private List<String> ruleGroups = List.of();
    private List<String> condGroups = List.of();

    /** Where the rules run: the request, its step, the URI as the rules see it, and the set's place in the vhost. */
    record Input(HttpServerExchange exchange, Step step, String path, String strip, String base,
                 Map<String, RewriteMaps.Lookup> maps, RequestValues.Scope scope, ErrorLog errorLog) {
    }

    RuleRun(List<RewriteRule> rules, Input in) {
        this.rules = rules;
        this.exchange = in.exchange();
        this.errorLog = in.errorLog();
        this.state = in.scope().state();
        this.strip = in.strip();
        this.base = in.base();
        this.startPath = in.path();
        this.source = in.path().substring(in.strip().length());
        this.query = state.query();
        RequestValues values = new RequestValues(in.scope(), this);
        this.expander = new Expander(values::value, in.maps());
        this.expressions = new ExprEvaluator(values::named);
        this.trace = RewriteTrace.of(exchange);
        this.step = in.step();
    }

    String source() {
        return source;
    }

    String query() {
        return query;
    }

    /** {@code REQUEST_URI}: the client's path until a rule rewrote it, then the current one with its strip. */
    String requestUri() {
        return substituted || !startPath.equals(state.originalPath()) ? strip + source : state.originalPath();
    }

    Outcome run() {
        int rounds = 0;
        int i = 0;
        while (i < rules.size()) {
            RewriteRule rule = rules.get(i);
            RuleFlags flags = rule.flags();
            if (!apply(rule)) {
                i++;
                while (i < rules.size() && flags.chain()) {
                    flags = rules.get(i).flags();
                    i++;
                }
                continue;
            }
            if (flags.last() && flags.skip() == 0) {
                if (flags.end()) {
                    state.end();
                }
                break;
            }
            if (flags.next()) {
                if (++rounds > MAX_ROUNDS) {
                    errorLog.log(ErrorLog.Level.ERROR, "rewrite rule at " + rule.span() + ": [N] started the rules over "
                            + MAX_ROUNDS + " times for " + exchange.getRequestPath() + "; stopped, as OLS does");
                    break;
                }
                i = 0;
                continue;
            }
            i += flags.skip() + 1;
        }
        return outcome();
    }

    /** Matches one rule with its conditions and, when it holds, applies it; whether it held. */
    private boolean apply(RewriteRule rule) {
        Matcher m = rule.pattern().matcher(source);
        boolean found = m.find();
        if (found == rule.negate()) {
            return false;
        }
        List<String> groups = found ? ConditionTest.groups(m) : List.of();
        condGroups = List.of();
        List<RewriteCondition> conditions = rule.conditions();
        for (int c = 0; c < conditions.size(); c++) {
            RewriteCondition cond = conditions.get(c);
            String test = expander.expand(cond.test(), groups, condGroups);
            ConditionTest.Result result = ConditionTest.evaluate(cond, test, expressions);
            if (!result.holds()) {
                if (!cond.or()) {
                    return false;
                }
                continue;
            }
            result.groups().ifPresent(g -> condGroups = g);
            while (conditions.get(c).or() && c + 1 < conditions.size()) {
                c++;
            }
        }
        ruleGroups = groups;
        rewrite(rule);
        return true;
    }

    private void rewrite(RewriteRule rule) {
        RuleFlags flags = rule.flags();
        anyMatched = true;
        for (Template env : flags.env()) {
            String[] pair = expander.expand(env, ruleGroups, condGroups).split(":", 2);
            state.env().put(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "");
        }
        for (Template cookie : flags.cookies()) {
            RewriteCookies.set(exchange, expander.expand(cookie, ruleGroups, condGroups));
        }
        if (rule.target().isPresent()) {
            String result = expander.substitution(rule.target().get(), ruleGroups, condGroups, flags);
            substituted = true;
            noEscape = flags.noEscape();
            source = result;
            if (rule.target().get().literalQuery() || flags.qsDiscard()) {
                splitQuery(flags);
            }
        }
        if (flags.action() != Action.NONE) {
            action = flags.action();
            status = flags.status();
        }
        flags.forcedType().ifPresent(state::forceType);
        String url = (source.startsWith("/") || absolute(source) ? source : strip + source)
                + (query.isEmpty() ? "" : "?" + query);
        trace.add(rule.span(), url);
        Trace.of(exchange).note(step, "rule at " + rule.span() + " fired, URL now ", url);
    }

    /** A substitution with a '?' sets the query ({@code QSA}: in front of the old one); {@code QSD} drops it. */
    private void splitQuery(RuleFlags flags) {
        if (flags.qsDiscard()) {
            query = "";
        }
        int mark = source.indexOf('?');
        if (mark < 0) {
            return;
        }
        String added = source.substring(mark + 1);
        source = source.substring(0, mark);
        if (added.isEmpty()) {
            if (!flags.qsAppend()) {
                query = "";
            }
            return;
        }
        query = flags.qsAppend() && !query.isEmpty() ? added + "&" + query : added;
        if (query.endsWith("&")) {
            query = query.substring(0, query.length() - 1);
        }
    }

    private Outcome outcome() {
        if (!anyMatched) {
            return new Outcome.Unchanged();
        }
        if (action == Action.FORBID || action == Action.GONE) {
            return new Outcome.Status(status, "a rewrite rule answers " + status + " ([" + (status == 403 ? "F" : "G")
                    + "])");
        }
        if (!substituted) {
            return action == Action.REDIRECT && (status < 300 || status > 399)
                    ? new Outcome.Status(status, "a rewrite rule answers " + status + " ([R=" + status + "])")
                    : new Outcome.Unchanged();
        }
        boolean absolute = absolute(source);
        if (!absolute && !source.startsWith("/")) {
            source = (base.isEmpty() ? "/" : base) + source;
        } else if (absolute && action == Action.NONE) {
            action = Action.REDIRECT;
            status = 302;
        }
        return switch (action) {
            case REDIRECT -> sameUrl() ? new Outcome.Unchanged() : status >= 300 && status <= 399
                    ? new Outcome.Redirect(status, source, query, noEscape)
                    : new Outcome.Status(status, "a rewrite rule answers " + status + " ([R=" + status + "])");
            case PROXY -> new Outcome.Proxy(source, query);
            default -> new Outcome.Rewritten(source, query);
        };
    }

    /**
     * A redirect to the URL the client asked for (an HTTPS rule on an HTTPS request): OLS drops it as a loop and
     * serves the request.
     */
    private boolean sameUrl() {
        String origin = UriPaths.origin(exchange);
        String path = source.startsWith("/") ? source
                : source.regionMatches(true, 0, origin, 0, origin.length()) ? source.substring(origin.length()) : null;
        return state.originalPath().equals(path) && query.equals(state.originalQuery());
    }

    private static boolean absolute(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"http://", "https://", "ws://", "wss://", "ftp://", "gopher://", "mailto:",
                "news:", "nntp://"}) {
            if (lower.startsWith(scheme)) {
                return true;
            }
        }
        return false;
    }
}
