package dev.wsproxy.server.auth;

import dev.wsproxy.auth.UserFile;
import dev.wsproxy.config.model.AuthRule.Required;
import dev.wsproxy.config.model.AuthRule;
import dev.wsproxy.config.model.Context;
import dev.wsproxy.config.model.Realm;
import dev.wsproxy.server.exchange.ContextMatch;
import dev.wsproxy.server.exchange.Step;
import dev.wsproxy.server.exchange.Trace;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.log.ErrorLog;
import dev.wsproxy.server.log.LogText;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The realm step of a vhost: after the context's access control, before the WebSocket routes and the context's
 * handler, so upgrades need the same credentials. A request to a context with a realm passes only with Basic
 * credentials that the realm's user file accepts and the context's {@code required} admits; otherwise 401 with
 * {@code WWW-Authenticate: Basic realm="<authName>"}, or 403 when the context names a realm the vhost does not
 * define. Every refusal writes one INFO line to the error log saying why.
 */
public final class RealmCheck implements HttpHandler {

    private final Map<Realm, RealmFiles> files = new HashMap<>();
    private final ErrorLog log;
    private final HttpHandler next;

    private RealmCheck(List<Context> contexts, ErrorLog log, HttpHandler next) {
        this.log = log;
        this.next = next;
        contexts.stream().flatMap(c -> c.auth().flatMap(AuthRule::realm).stream())
                .forEach(realm -> files.computeIfAbsent(realm, r -> new RealmFiles(r, log)));
    }

    /** {@code next} itself when no context of the vhost names a realm. */
    public static HttpHandler wrap(List<Context> contexts, ErrorLog log, HttpHandler next) {
        return contexts.stream().anyMatch(c -> c.auth().isPresent()) ? new RealmCheck(contexts, log, next) : next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Optional<AuthRule> rule = exchange.getAttachment(ContextMatch.KEY).context().auth();
        if (rule.isEmpty()) {
            next.handleRequest(exchange);
            return;
        }
        if (rule.get().realm().isEmpty()) {
            Refusals.refuse(exchange, StatusCodes.FORBIDDEN, log, "the context names realm `" + rule.get().realmName()
                    + "`, which this virtual host does not define (" + rule.get().span() + ")");
            return;
        }
        Realm realm = rule.get().realm().get();
        Optional<String> refusal = refusal(rule.get(), files.get(realm).current(), BasicCredentials.of(exchange));
        if (refusal.isPresent()) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE,
                    "Basic realm=\"" + rule.get().authName().replace("\"", "") + "\"");
            Refusals.refuse(exchange, StatusCodes.UNAUTHORIZED, log, "realm `" + realm.name() + "` (user file "
                    + realm.userFile() + "): " + refusal.get());
            return;
        }
        Trace.of(exchange).note(Step.REALM, "credentials accepted by realm ", realm.name());
        next.handleRequest(exchange);
    }

    /** Why the credentials do not pass, or empty when they do. */
    private static Optional<String> refusal(AuthRule rule, RealmFiles.Snapshot files,
                                            Optional<BasicCredentials> credentials) {
        if (credentials.isEmpty()) {
            return Optional.of("no Basic credentials");
        }
        String name = credentials.get().user();
        String shown = "user `" + LogText.printable(name) + "`";
        Optional<UserFile.User> user = files.users().user(name);
        if (user.isEmpty()) {
            return Optional.of("unknown " + shown + files.problem().map(p -> "; the user file " + p).orElse(""));
        }
        if (!user.get().password().matches(credentials.get().password())) {
            return Optional.of("wrong password for " + shown);
        }
        Required required = rule.required();
        return switch (required.kind()) {
            case VALID_USER -> Optional.empty();
            case USER -> required.names().contains(name) ? Optional.empty()
                    : Optional.of(shown + " is not one of the users `required user` names");
            case GROUP -> user.get().groups().stream().anyMatch(required.names()::contains)
                    || files.groups().listsIn(name, required.names()) ? Optional.empty()
                    : Optional.of(shown + " is in none of the groups `required group` names");
            case NOBODY -> Optional.of("`required file-owner` and `file-group` admit nobody (as in OLS)");
        };
    }
}
