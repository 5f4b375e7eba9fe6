package dev.wsproxy.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wsproxy.server.metrics.Metrics;
import dev.wsproxy.server.metrics.PrometheusText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin endpoint ({@code --admin HOST:PORT}): {@code GET /healthz} (200 while serving, 503 while draining),
 * {@code GET /metrics} in the Prometheus text format and {@code POST /drain}. It runs on the JDK's small HTTP
 * server with a thread of its own, apart from the listeners, so it answers even while their workers are busy.
 */
public final class AdminServer implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService thread;

    private AdminServer(HttpServer http, ExecutorService thread) {
        this.http = http;
        this.thread = thread;
    }

    /** @throws IOException when the address cannot be bound */
    public static AdminServer start(InetSocketAddress address, Metrics metrics, Drainable server) throws IOException {
        HttpServer http = HttpServer.create(address, 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "admin");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(thread);
        http.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, metrics, server);
            }
        });
        http.start();
        return new AdminServer(http, thread);
    }

    public InetSocketAddress address() {
        return http.getAddress();
    }

    private static void answer(HttpExchange exchange, Metrics metrics, Drainable server) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case "/healthz" -> {
                if (allowed(exchange, "GET")) {
                    boolean serving = server.serving();
                    send(exchange, serving ? 200 : 503, "text/plain; charset=utf-8", serving ? "serving\n" : "draining\n");
                }
            }
            case "/metrics" -> {
                if (allowed(exchange, "GET")) {
                    send(exchange, 200, PrometheusText.CONTENT_TYPE, PrometheusText.of(metrics));
                }
            }
            case "/drain" -> {
                if (allowed(exchange, "POST")) {
                    server.drain();
                    send(exchange, 202, "text/plain; charset=utf-8", "draining\n");
                }
            }
            default -> send(exchange, 404, "text/plain; charset=utf-8", "not found: /healthz, /metrics, POST /drain\n");
        }
    }

    /** Whether the request uses {@code method} (GET also allows HEAD); if not, answers 405. */
    private static boolean allowed(HttpExchange exchange, String method) throws IOException {
        String used = exchange.getRequestMethod();
        if (used.equals(method) || (method.equals("GET") && used.equals("HEAD"))) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method.equals("GET") ? "GET, HEAD" : method);
        send(exchange, 405, "text/plain; charset=utf-8", "use " + method + "\n");
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        thread.shutdownNow();
    }
}
