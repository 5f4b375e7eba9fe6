package dev.wsproxy.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text format as Prometheus parses it: one HELP and TYPE per family, escaped label values, sorted vhosts. */
class PrometheusTextTest {

    @Test
    void eachFamilyHasOneHelpAndTypeAndVhostsComeSorted() {
        Metrics metrics = new Metrics();
        metrics.vhost("zeta").request(204);
        metrics.vhost("alpha").request(503);
        metrics.reloaded(true);
        metrics.reloaded(false);
        metrics.reloaded(false);
        String text = PrometheusText.of(metrics);
        for (String family : List.of("wsproxy_websocket_tunnels_open", "wsproxy_websocket_tunnels_total",
                "wsproxy_websocket_bytes_total", "wsproxy_websocket_backend_errors_total", "wsproxy_http_requests_total",
                "wsproxy_config_reloads_total")) {
            assertEquals(1, text.lines().filter(l -> l.startsWith("# TYPE " + family + " ")).count(), family);
            assertEquals(1, text.lines().filter(l -> l.startsWith("# HELP " + family + " ")).count(), family);
        }
        assertTrue(text.indexOf("{vhost=\"alpha\"}") < text.indexOf("{vhost=\"zeta\"}"), text);
        assertTrue(text.contains("wsproxy_http_requests_total{vhost=\"zeta\",status_class=\"2xx\"} 1\n"), text);
        assertTrue(text.contains("wsproxy_http_requests_total{vhost=\"alpha\",status_class=\"5xx\"} 1\n"), text);
        assertTrue(text.contains("wsproxy_config_reloads_total{result=\"failed\"} 2\n"), text);
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void labelValuesEscapeBackslashQuoteAndNewline() {
        assertEquals("a\\\"b\\\\c\\nd", PrometheusText.escaped("a\"b\\c\nd"));
    }
}
