package dev.wsproxy.server.rewrite;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What rewriting has done to one request so far: the request as it arrived (for {@code REQUEST_URI} and
 * {@code THE_REQUEST}), the current query string, the environment {@code E=} set, whether an {@code [END]}
 * stopped all further rewriting, and a type {@code T=}/{@code H=} forced.
 */
public final class RewriteState {

    public static final AttachmentKey<RewriteState> KEY = AttachmentKey.create(RewriteState.class);

    private final String originalPath;
    private final String originalQuery;
    private String query;
    private final Map<String, String> env = new HashMap<>();
    private boolean ended;
    private Optional<String> forcedType = Optional.empty();

    private RewriteState(String originalPath, String originalQuery) {
        this.originalPath = originalPath;
        this.originalQuery = originalQuery;
        this.query = originalQuery;
    }

    /** The state of {@code exchange}, created from its current path and query on first use. */
    static RewriteState of(HttpServerExchange exchange, String path) {
        RewriteState state = exchange.getAttachment(KEY);
        if (state == null) {
            state = new RewriteState(path, exchange.getQueryString());
            exchange.putAttachment(KEY, state);
        }
        return state;
    }

    /** The type a rule forced for this request ({@code T=} or {@code H=}), if any. */
    public static Optional<String> forcedType(HttpServerExchange exchange) {
        RewriteState state = exchange.getAttachment(KEY);
        return state == null ? Optional.empty() : state.forcedType;
    }

    String originalPath() {
        return originalPath;
    }

    String originalQuery() {
        return originalQuery;
    }

    String query() {
        return query;
    }

    void query(String value) {
        query = value;
    }

    Map<String, String> env() {
        return env;
    }

    boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    void forceType(String type) {
        forcedType = Optional.of(type);
    }
}
