package dev.wsproxy.server.upstream;

import dev.wsproxy.config.model.Context;
import dev.wsproxy.server.http.IpText;
import dev.wsproxy.server.http.Responses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import org.xnio.IoUtils;

/**
 * A proxy context: the request goes to the context's {@code extprocessor} (TCP or Unix socket) with its full
 * URI, its end-to-end headers and {@code X-Forwarded-For} (appended), {@code -Proto} and {@code -Host}; the
 * bodies stream both ways. A backend that cannot be reached or sends no valid response head gives 502, one
 * that stays silent past the timeout gives 504. One connection per request, closed afterwards.
 */
public final class ReverseProxyHandler implements HttpHandler {

    private static final int BODY_CHUNK = 16 * 1024;

    /** The target (path and query, encoded) a rewrite rule gave the request, sent instead of the client's. */
    public static final AttachmentKey<String> REWRITTEN_TARGET = AttachmentKey.create(String.class);

    private final Context.Proxy context;
    private final Duration timeout;

    public ReverseProxyHandler(Context.Proxy context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        BackendChannel backend;
        try {
            backend = BackendChannel.open(context.handler().address(), timeout);
        } catch (IOException e) {
            Responses.end(exchange, StatusCodes.BAD_GATEWAY);
            return;
        }
        try (backend) {
            // a client that goes away (or a server that stops) must not leave this thread waiting on the backend
            exchange.getConnection().addCloseListener(connection -> backend.close());
            backend.startDeadline(timeout);
            ResponseRelay.Framing framing = new ResponseRelay.Framing();
            boolean headRead;
            try {
                sendRequest(exchange, backend);
                headRead = ResponseRelay.readHead(backend, exchange, framing);
            } catch (IOException | NumberFormatException e) {
                headRead = false;
            }
            backend.cancelDeadline();
            if (!headRead) {
                exchange.getResponseHeaders().clear();
                Responses.end(exchange, backend.expired() ? StatusCodes.GATEWAY_TIME_OUT : StatusCodes.BAD_GATEWAY);
                return;
            }
            relayBody(exchange, backend, framing);
        }
    }

    private static void relayBody(HttpServerExchange exchange, BackendChannel backend, ResponseRelay.Framing framing) {
        try {
            ResponseRelay.copyBody(backend, exchange, framing);
            exchange.endExchange();
        } catch (IOException | NumberFormatException e) {
            // the status is already on its way: cutting the connection is the only way to say the body is incomplete
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    private static void sendRequest(HttpServerExchange exchange, BackendChannel backend) throws IOException {
        StringBuilder head = new StringBuilder(512);
        String query = exchange.getQueryString();
        String rewritten = exchange.getAttachment(REWRITTEN_TARGET);
        head.append(exchange.getRequestMethod()).append(' ')
                .append(rewritten != null ? rewritten : originForm(exchange) + (query.isEmpty() ? "" : "?" + query))
                .append(" HTTP/1.1\r\n");
        String forwardedFor = null;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("x-forwarded-for")) {
                forwardedFor = String.join(", ", values);
            } else if (!HopByHop.is(name) && !lower.equals("content-length") && !lower.startsWith("x-forwarded-")) {
                for (String value : values) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            }
        }
        String client = IpText.of(exchange.getSourceAddress().getAddress());
        head.append("X-Forwarded-For: ").append(forwardedFor == null ? client : forwardedFor + ", " + client).append("\r\n");
        head.append("X-Forwarded-Proto: ").append(exchange.getRequestScheme()).append("\r\n");
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host != null) {
            head.append("X-Forwarded-Host: ").append(host).append("\r\n");
        }
        head.append("Connection: close\r\n");
        long length = exchange.getRequestContentLength();
        boolean chunked = exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
        if (length >= 0) {
            head.append("Content-Length: ").append(length).append("\r\n");
        } else if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        backend.write(head.append("\r\n").toString());
        if (length > 0 || chunked) {
            sendBody(exchange.getInputStream(), backend, chunked && length < 0);
        }
    }

    private static void sendBody(InputStream body, BackendChannel backend, boolean chunked) throws IOException {
        byte[] buffer = new byte[BODY_CHUNK];
        int read;
        while ((read = body.read(buffer)) > 0) {
            if (chunked) {
                backend.write(Integer.toHexString(read) + "\r\n");
            }
            backend.write(buffer, 0, read);
            if (chunked) {
                backend.write("\r\n");
            }
        }
        if (chunked) {
            backend.write("0\r\n\r\n");
        }
    }

    /** The request target as the client sent it, without scheme and host when it came in absolute form. */
    private static String originForm(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        if (!exchange.isHostIncludedInRequestURI()) {
            return uri;
        }
        int slash = uri.indexOf('/', uri.indexOf("://") + 3);
        return slash < 0 ? "/" : uri.substring(slash);
    }
}
