package dev.wsproxy.server.rewrite;

import dev.wsproxy.config.source.Span;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.ArrayList;
import java.util.List;

/** The rewrite rules that fired for one request, in order, each with the URL it left: what {@code explain} prints. */
public final class RewriteTrace {

    /** One rule that matched: where it is written and the URL (path and query) after it. */
    public record Firing(Span rule, String url) {
        @Override
        public String toString() {
            return "rule at " + rule + " fired -> " + url;
        }
    }

    public static final AttachmentKey<RewriteTrace> KEY = AttachmentKey.create(RewriteTrace.class);

    private final List<Firing> firings = new ArrayList<>();

    /** The trace of {@code exchange}, created on first use. */
    static RewriteTrace of(HttpServerExchange exchange) {
        RewriteTrace trace = exchange.getAttachment(KEY);
        if (trace == null) {
            trace = new RewriteTrace();
            exchange.putAttachment(KEY, trace);
        }
        return trace;
    }

    void add(Span rule, String url) {
        firings.add(new Firing(rule, url));
    }

    public List<Firing> firings() {
        return List.copyOf(firings);
    }
}
