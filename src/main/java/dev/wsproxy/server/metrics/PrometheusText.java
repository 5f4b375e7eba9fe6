package dev.wsproxy.server.metrics;

import java.util.Map;
import java.util.SortedMap;
import java.util.function.ToLongFunction;

/** {@link Metrics} in the Prometheus text exposition format (version 0.0.4). */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);
    private final SortedMap<String, VhostCounters> vhosts;

    private PrometheusText(Metrics metrics) {
        this.vhosts = metrics.byVhost();
    }

    public static String of(Metrics metrics) {
        PrometheusText text = new PrometheusText(metrics);
        text.write(metrics);
        return text.out.toString();
    }

    private void write(Metrics metrics) {
        perVhost("wsproxy_websocket_tunnels_open", "gauge", "WebSocket tunnels open now.", VhostCounters::tunnelsOpen);
        perVhost("wsproxy_websocket_tunnels_total", "counter", "WebSocket tunnels opened (the client got 101).",
                VhostCounters::tunnelsTotal);
        header("wsproxy_websocket_bytes_total", "counter",
                "Bytes relayed through WebSocket tunnels, counted when a tunnel ends.");
        for (Map.Entry<String, VhostCounters> vhost : vhosts.entrySet()) {
            sample("wsproxy_websocket_bytes_total", vhost.getKey(), "direction", "from_client",
                    vhost.getValue().bytesFromClient());
            sample("wsproxy_websocket_bytes_total", vhost.getKey(), "direction", "to_client",
                    vhost.getValue().bytesToClient());
        }
        header("wsproxy_websocket_backend_errors_total", "counter",
                "WebSocket upgrades that failed at the backend, by kind: connect, timeout, response.");
        for (Map.Entry<String, VhostCounters> vhost : vhosts.entrySet()) {
            for (BackendFailure kind : BackendFailure.values()) {
                sample("wsproxy_websocket_backend_errors_total", vhost.getKey(), "kind", kind.label(),
                        vhost.getValue().backendErrors(kind));
            }
        }
        header("wsproxy_http_requests_total", "counter",
                "Requests answered (WebSocket upgrades included), by status class, as the access log counts them.");
        for (Map.Entry<String, VhostCounters> vhost : vhosts.entrySet()) {
            for (int statusClass = 1; statusClass <= 5; statusClass++) {
                sample("wsproxy_http_requests_total", vhost.getKey(), "status_class", statusClass + "xx",
                        vhost.getValue().requests(statusClass));
            }
        }
        header("wsproxy_config_reloads_total", "counter", "Config reloads, by result: ok, or failed (old config kept).");
        out.append("wsproxy_config_reloads_total{result=\"ok\"} ").append(metrics.reloads(true)).append('\n');
        out.append("wsproxy_config_reloads_total{result=\"failed\"} ").append(metrics.reloads(false)).append('\n');
    }

    private void perVhost(String name, String type, String help, ToLongFunction<VhostCounters> value) {
        header(name, type, help);
        for (Map.Entry<String, VhostCounters> vhost : vhosts.entrySet()) {
            out.append(name).append("{vhost=\"").append(escaped(vhost.getKey())).append("\"} ")
                    .append(value.applyAsLong(vhost.getValue())).append('\n');
        }
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String vhost, String label, String labelValue, long value) {
        out.append(name).append("{vhost=\"").append(escaped(vhost)).append("\",").append(label).append("=\"")
                .append(labelValue).append("\"} ").append(value).append('\n');
    }

    /** A label value as the format writes it: backslash, double quote and line feed escaped. */
    static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
