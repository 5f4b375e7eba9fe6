package dev.wsproxy.server.routing;

import dev.wsproxy.config.model.Tuning;
import dev.wsproxy.server.exchange.RequestPath;
import dev.wsproxy.server.http.Refusals;
import dev.wsproxy.server.http.Responses;
import dev.wsproxy.server.log.ErrorLog;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Locale;
import java.util.Optional;

/**
 * First check of every request: the request line and header limits from {@code tuning} (414, 431) and a
 * path that cannot be mapped safely. An encoded slash, backslash or NUL ({@code %2f %5c %00}), a raw
 * backslash or control character, or a {@code ..} above the root answers 400, so no later stage ever sees
 * such a path; the cleaned path is attached for the routing that follows. A request whose body framing
 * breaks a {@link BodyFraming} rule is refused (400, 501) with one error-log line and its connection closed,
 * so nothing after its head is read as another request; a chunked body is read by nginx's rules
 * ({@link ChunkedBody}). {@code TRACE} is 405, as in nginx; a target in absolute form routes by its own host
 * ({@link AbsoluteForm}).
 */
public final class RequestGuard implements HttpHandler {

    private static final String[] FORBIDDEN_ESCAPES = {"%2f", "%5c", "%00"};
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH";

    private final int maxUrlLength;
    private final int maxHeaderSize;
    private final ErrorLog errorLog;
    private final HttpHandler next;

    public RequestGuard(Tuning tuning, ErrorLog errorLog, HttpHandler next) {
        this.maxUrlLength = tuning.maxReqUrlLen();
        this.maxHeaderSize = tuning.maxReqHeaderSize();
        this.errorLog = errorLog;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String query = exchange.getQueryString();
        int urlLength = exchange.getRequestURI().length() + (query.isEmpty() ? 0 : query.length() + 1);
        if (urlLength > maxUrlLength) {
            Responses.end(exchange, StatusCodes.REQUEST_URI_TOO_LARGE);
            return;
        }
        if (headerBytes(exchange) > maxHeaderSize) {
            Responses.end(exchange, StatusCodes.REQUEST_HEADER_FIELDS_TOO_LARGE);
            return;
        }
        Optional<BodyFraming.Refusal> framing = BodyFraming.check(exchange);
        if (framing.isPresent()) {
            exchange.setPersistent(false);
            Refusals.refuse(exchange, framing.get().status(), errorLog, framing.get().why());
            return;
        }
        if (exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
            ChunkedBody.readStrictly(exchange);
        }
        if (exchange.getRequestMethod().equals(Methods.TRACE)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, ALLOWED_METHODS);
            Refusals.refuse(exchange, StatusCodes.METHOD_NOT_ALLOWED, errorLog,
                    "TRACE would echo the request's credentials back; it is never forwarded");
            return;
        }
        Optional<String> path = safePath(exchange);
        if (path.isEmpty() || !AbsoluteForm.adoptAuthority(exchange)) {
            Responses.end(exchange, StatusCodes.BAD_REQUEST);
            return;
        }
        exchange.putAttachment(RequestPath.CLEAN, path.get());
        next.handleRequest(exchange);
    }

    private static int headerBytes(HttpServerExchange exchange) {
        int total = 0;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String value : values) {
                total += values.getHeaderName().length() + value.length() + 4;
            }
        }
        return total;
    }

    private static Optional<String> safePath(HttpServerExchange exchange) {
        String raw = exchange.getRequestURI().toLowerCase(Locale.ROOT);
        for (String escape : FORBIDDEN_ESCAPES) {
            if (raw.contains(escape)) {
                return Optional.empty();
            }
        }
        String decoded = exchange.getRequestPath();
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Optional.empty();
            }
        }
        return CleanPath.of(decoded);
    }
}
