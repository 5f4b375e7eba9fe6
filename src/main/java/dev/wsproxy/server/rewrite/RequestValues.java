package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.rewrite.Variable;
import dev.wsproxy.server.http.UriPaths;
import dev.wsproxy.server.log.IpText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The values of rewrite variables for one request, as OLS's {@code RequestVars} gives them. {@code REQUEST_URI}
 * is the URI the client asked for until a rewrite changes it; {@code REQUEST_FILENAME} is the file the current
 * URI maps to (the longest existing file prefix, so {@code /index.php/x} gives {@code index.php}).
 */
final class RequestValues {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** Where the rule set's URIs live: the request, the vhost, and the directory that maps the current URI. */
    record Scope(HttpServerExchange exchange, RewriteState state, String vhostName, Path docRoot, Path fileBase) {
    }

    private final Scope scope;
    private final RuleRun run;

    RequestValues(Scope scope, RuleRun run) {
        this.scope = scope;
        this.run = run;
    }

    String value(Variable v) {
        HttpServerExchange exchange = scope.exchange();
        return switch (v.kind()) {
            case HEADER -> Optional.ofNullable(exchange.getRequestHeaders().getFirst(v.name())).orElse("");
            case ENV -> scope.state().env().getOrDefault(v.name(), "");
            case BUILT_IN -> builtIn(v.name(), exchange);
        };
    }

    /** A {@code %{NAME}} body from an expression: the variable it names, "" when there is none. */
    String named(String name) {
        return Variable.parse(name).map(this::value).orElse("");
    }

    private String builtIn(String name, HttpServerExchange exchange) {
        InetSocketAddress peer = exchange.getSourceAddress();
        InetSocketAddress local = exchange.getDestinationAddress();
        LocalDateTime now = LocalDateTime.now();
        return switch (name) {
            case "REMOTE_ADDR", "REMOTE_HOST" -> IpText.of(peer.getAddress());
            case "REMOTE_PORT" -> Integer.toString(peer.getPort());
            case "REQUEST_METHOD" -> exchange.getRequestMethod().toString();
            case "QUERY_STRING" -> run.query();
            case "REQUEST_FILENAME", "SCRIPT_FILENAME" -> requestFilename().toString();
            case "REQUEST_BASENAME", "SCRIPT_BASENAME" -> Optional.ofNullable(requestFilename().getFileName())
                    .map(Path::toString).orElse("");
            case "REQUEST_URI", "SCRIPT_NAME" -> run.requestUri();
            case "CURRENT_URI" -> run.source();
            case "ORG_REQ_URI" -> scope.state().originalPath();
            case "ORG_QUERY_STRING" -> scope.state().originalQuery();
            case "DOCUMENT_ROOT" -> scope.docRoot() + "/";
            case "SERVER_NAME" -> serverName(exchange);
            case "SERVER_ADDR" -> local == null ? "" : IpText.of(local.getAddress());
            case "SERVER_PORT" -> local == null ? "" : Integer.toString(local.getPort());
            case "SERVER_PROTOCOL" -> exchange.getProtocol().toString();
            case "SERVER_SOFTWARE" -> "wsproxy";
            case "THE_REQUEST" -> exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + (scope.state().originalQuery().isEmpty() ? "" : "?" + scope.state().originalQuery()) + " "
                    + exchange.getProtocol();
            case "IS_SUBREQ" -> "false";
            case "HTTPS" -> exchange.getRequestScheme().equals("https") ? "on" : "off";
            case "SCRIPT_URI" -> UriPaths.origin(exchange) + run.requestUri();
            case "VH_NAME" -> scope.vhostName();
            case "TIME" -> now.format(TIME);
            case "TIME_YEAR" -> String.format("%04d", now.getYear());
            case "TIME_MON" -> String.format("%02d", now.getMonthValue());
            case "TIME_DAY" -> String.format("%02d", now.getDayOfMonth());
            case "TIME_HOUR" -> String.format("%02d", now.getHour());
            case "TIME_MIN" -> String.format("%02d", now.getMinute());
            case "TIME_SEC" -> String.format("%02d", now.getSecond());
            case "TIME_WDAY" -> Integer.toString(now.getDayOfWeek().getValue() % 7);
            case "SSL_PROTOCOL" -> exchange.getConnection().getSslSessionInfo() == null ? ""
                    : exchange.getConnection().getSslSessionInfo().getSSLSession().getProtocol();
            case "SSL_CIPHER" -> exchange.getConnection().getSslSessionInfo() == null ? ""
                    : exchange.getConnection().getSslSessionInfo().getCipherSuite();
            default -> ""; // REMOTE_USER, AUTH_TYPE, PATH_INFO, ...: not known before the handler runs
        };
    }

    private static String serverName(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null || host.isBlank()) {
            return exchange.getHostName();
        }
        int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The file the current URI maps to: its longest prefix that exists as a file, else the whole path. */
    private Path requestFilename() {
        String relative = run.source().startsWith("/") ? run.source().substring(1) : run.source();
        Path full = scope.fileBase().resolve(relative).normalize();
        if (!full.startsWith(scope.fileBase())) {
            return scope.fileBase();
        }
        for (Path p = full; p != null && p.startsWith(scope.fileBase()) && !p.equals(scope.fileBase()); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return full;
    }
}
